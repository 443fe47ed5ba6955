import { AskFieldDialog } from './askFieldDialog';
import type { CardActions } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { PortScopeDialog } from './portScopeDialog';
import { SignDialog } from './signDialog';
import { TipsDialog } from './tipsDialog';

/**
 * The dialogs begun from more than one place, built once and passed to each dialog that begins them: the conversation
 * has one DialogSet (see FlowDialog), and a second instance under the same id would be renamed there and never run.
 */
export class SharedDialogs {
  readonly tips: TipsDialog;
  readonly askField: AskFieldDialog;
  readonly portScope: PortScopeDialog;
  readonly sign: SignDialog;

  constructor(deps: ConversationDeps, cards: CardActions) {
    this.tips = new TipsDialog(deps);
    this.askField = new AskFieldDialog(deps, this.tips);
    this.portScope = new PortScopeDialog(deps);
    this.sign = new SignDialog(deps, cards, this.askField);
  }
}
