import {
  type DialogContext,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { looksLikeCsrPaste } from '../src/domain';
import type { CardActions } from './cardActions';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { draftProgress, fieldLabel, hasAnyAnswer } from './draftFields';
import { IntentChoicePrompt, chosenIntent } from './intentChoicePrompt';
import { recognizeIntent, type Intent } from './intents';
import { CorrectionDialog } from './correctionDialog';
import { askForPerson } from './handoff/askForPerson';
import { InterruptibleDialog, languageAskedFor } from './interruptibleDialog';
import { PortDialog, type PortOptions } from './portDialog';
import { portStatusText } from './portStatus';
import { TIP_IDS, type PortingSession } from './portingSession';
import { SharedDialogs } from './sharedDialogs';
import { StatusDialog } from './statusDialog';
import { setStepHelp } from './stepHelp';
import { type ButtonName, buttonLabels } from './text/buttonLabels';
import { currentLanguage, switchTurnLanguage } from '../src/i18n/language';
import { interruptionText, type ConfirmedInterruption } from './text/interruptionText';
import { type MenuButton, mainText } from './text/mainText';
import type { TipsOptions } from './tipsDialog';

export interface MainOptions {
  /** The conversation has just begun: say hello first. */
  readonly greet?: boolean;
  /** The customer opened the conversation with this message: act on it rather than show the menu. */
  readonly opening?: string;
  /** Go straight to this choice (after "start over", for instance). */
  readonly route?: Route;
  /** The customer has just switched language: the menu comes whole, as to someone reading it for the first time. */
  readonly switchedLanguage?: boolean;
}

/** Where the main menu leads. 'paste' is an opening message that carries CSR details. */
type Route = Intent | 'paste';

/** What the waterfall remembers between its steps: a route decided without asking. */
interface MainValues {
  route?: Route;
}

const MAIN_WATERFALL = 'main.waterfall';
const MENU_PROMPT = 'main.menu';
const RESUME_PROMPT = 'main.resume';
const MENU_BUTTONS: readonly MenuButton[] = ['startPort', 'tips', 'status', 'agent'];
/** The menu offers the language the customer is not reading, in that language. */
const otherLanguageButton = (): ButtonName[] => [currentLanguage() === 'es' ? 'english' : 'spanish'];

/**
 * The conversation's root: the welcome, the menu and where each choice leads, and the offer to continue a port begun
 * earlier. It loops back to the menu after each choice, so the conversation never runs out. Typed requests ("I want
 * to switch my number to you", "tips", "human") reach the same places as the buttons.
 */
export class MainDialog extends InterruptibleDialog<MainOptions> {
  constructor(deps: ConversationDeps, cards: CardActions) {
    super(DialogIds.main, deps, MAIN_WATERFALL, cards);
    this.addDialog(
      new IntentChoicePrompt(MENU_PROMPT, MENU_BUTTONS, { alsoAccepts: ['form', 'resume', 'fixNow'], offers: otherLanguageButton }),
    );
    this.addDialog(new IntentChoicePrompt(RESUME_PROMPT, ['resume', 'startOver'], { alsoAccepts: ['startPort'] }));
    const shared = new SharedDialogs(deps, cards);
    this.addDialog(new PortDialog(deps, cards, shared));
    this.addDialog(shared.tips);
    this.addDialog(new CorrectionDialog(deps, shared));
    if (deps.portStatus) this.addDialog(new StatusDialog(deps, deps.portStatus));
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [this.chooseStep.bind(this), this.routeStep.bind(this), this.loopStep.bind(this)]),
    );
  }

  /**
   * A CSR pasted while the menu is on screen (Web Chat always shows the menu first) starts the port with it, as it
   * would as the opening message: it is no choice of the menu's, and would otherwise be refused as one.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const text = innerDc.context.activity.text;
    if (innerDc.activeDialog?.id === MENU_PROMPT && text !== undefined && looksLikeCsrPaste(text)) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MAIN_WATERFALL, { opening: text } satisfies MainOptions);
    }
    return super.onContinueDialog(innerDc);
  }

  /** After a cancel the menu comes back; after a start over, a new port begins. */
  protected override async afterInterruption(innerDc: DialogContext, interruption: ConfirmedInterruption): Promise<DialogTurnResult> {
    const options: MainOptions = interruption === 'startOver' ? { route: 'startPort' } : {};
    return innerDc.beginDialog(MAIN_WATERFALL, options);
  }

  /**
   * The language switched, the port goes on where it was (its next question, in the new language); with no port under
   * way, the menu comes back.
   */
  protected override async afterLanguageSwitch(innerDc: DialogContext, wasOn: readonly string[]): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.find(innerDc.context);
    const portUnderWay = (wasOn.includes(DialogIds.port) && session?.signedLoa === undefined) || isUnfinished(session);
    const options: MainOptions = portUnderWay ? { route: 'resume' } : { switchedLanguage: true };
    return innerDc.beginDialog(MAIN_WATERFALL, options);
  }

  private async chooseStep(step: WaterfallStepContext<MainOptions>): Promise<DialogTurnResult> {
    const { greet, opening, switchedLanguage } = step.options;
    // "español" as the opening message: everything from the greeting on is in the language asked for.
    const openingLanguage = languageAskedFor(opening);
    if (openingLanguage !== undefined && openingLanguage !== currentLanguage()) {
      await this.deps.sessions.chooseLanguage(step.context, openingLanguage);
      switchTurnLanguage(openingLanguage);
    }
    if (greet || openingLanguage !== undefined) await step.context.sendActivity(mainText.greeting(this.deps.newCarrier.name));
    const session = await this.deps.sessions.find(step.context);
    const route = step.options.route ?? routeOf(opening);
    const welcome = greet === true || opening !== undefined || switchedLanguage === true;
    if (isUnfinished(session) && (route === 'startPort' || (route === undefined && welcome))) {
      return this.offerResume(step, session);
    }
    (step.values as MainValues).route = route;
    if (route !== undefined) return step.next();
    setStepHelp(step, mainText.menu.help);
    return step.prompt(MENU_PROMPT, { prompt: welcome ? menuIntro() : mainText.menu.again });
  }

  private async offerResume(step: WaterfallStepContext<MainOptions>, session: PortingSession): Promise<DialogTurnResult> {
    const progress = draftProgress(session.draft);
    const where =
      progress.next === undefined
        ? mainText.resume.readyToSign
        : mainText.resume.offer(progress.done, progress.total, fieldLabel(progress.next));
    setStepHelp(step, mainText.resume.help);
    return step.prompt(RESUME_PROMPT, { prompt: `${where}\n\n${mainText.resume.question}` });
  }

  private async routeStep(step: WaterfallStepContext<MainOptions>): Promise<DialogTurnResult> {
    const route = (step.values as MainValues).route ?? chosenIntent(step.result);
    const { context } = step;
    switch (route) {
      case 'startPort':
      case 'resume':
        return this.beginPort(step, {});
      case 'form':
        return this.beginPort(step, { form: true });
      case 'paste':
        return this.beginPort(step, { volunteered: step.options.opening });
      case 'startOver':
        await this.deps.sessions.startOver(context);
        await context.sendActivity(interruptionText.done.startOver);
        return step.beginDialog(DialogIds.port, {} satisfies PortOptions);
      case 'tips':
        return step.beginDialog(DialogIds.tips, { tips: TIP_IDS, context: 'menu' } satisfies TipsOptions);
      case 'status':
        if (this.deps.portStatus) return step.beginDialog(DialogIds.status);
        await context.sendActivity(portStatusText(await this.deps.sessions.find(context)));
        return step.next();
      case 'fixNow':
        return step.beginDialog(DialogIds.correction);
      case 'agent':
        // With a person on the way the menu ends; the customer gets it again when handed back.
        return (await askForPerson(context, this.deps)) ? step.endDialog() : step.next();
      case 'help':
        await context.sendActivity(`${interruptionText.generalHelp}\n\n${mainText.menu.help}`);
        return step.next();
      case 'cancelAndDelete':
        return this.confirmThenCarryOut(step, 'cancelAndDelete');
      default:
        return step.next();
    }
  }

  /** A customer whose last request is signed starts a new one; an unfinished one continues. */
  private async beginPort(step: WaterfallStepContext<MainOptions>, options: PortOptions): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.find(step.context);
    const sent = session?.signedLoa;
    if (sent) {
      await this.deps.sessions.startOver(step.context);
      await step.context.sendActivity(mainText.newAfterSigned(sent.referenceNumber));
    }
    return step.beginDialog(DialogIds.port, options);
  }

  private async loopStep(step: WaterfallStepContext<MainOptions>): Promise<DialogTurnResult> {
    return step.replaceDialog(MAIN_WATERFALL, {} satisfies MainOptions);
  }
}

function isUnfinished(session: PortingSession | undefined): session is PortingSession {
  return session !== undefined && session.signedLoa === undefined && hasAnyAnswer(session.draft);
}

/**
 * What an opening message may lead to directly. Cancel and start over are not among them: with nothing on screen yet,
 * the customer gets the menu (or the offer to continue, which includes starting over) rather than a guess. "Delete
 * my data" is: a customer coming back only to have their data deleted says so first (and confirms it).
 */
const OPENING_ROUTES: ReadonlySet<Route> = new Set<Route>([
  'startPort',
  'tips',
  'status',
  'agent',
  'form',
  'resume',
  'help',
  'fixNow',
  'cancelAndDelete',
]);

/** An opening message as a route: a pasted record, or a recognised request. */
function routeOf(opening: string | undefined): Route | undefined {
  if (opening === undefined) return undefined;
  if (looksLikeCsrPaste(opening)) return 'paste';
  const intent = recognizeIntent(opening);
  return intent !== undefined && OPENING_ROUTES.has(intent) ? intent : undefined;
}

function menuIntro(): string {
  const list = MENU_BUTTONS.map((name) => `- **${buttonLabels[name]}**: ${mainText.menu.descriptions[name]}`).join('\n');
  return `${mainText.menu.intro}\n\n${list}\n\n${mainText.menu.outro}`;
}
