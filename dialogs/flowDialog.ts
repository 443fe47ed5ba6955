import { type Dialog, type DialogDependencies, type DialogSet, WaterfallDialog } from 'botbuilder-dialogs';

/**
 * A dialog of the conversation below its root: a waterfall (its steps added in its constructor) that declares the
 * dialogs it uses (its prompts and cards, its inner waterfalls, the dialogs it begins) as dependencies instead of
 * keeping a DialogSet of its own. DialogSet.add follows getDependencies, so adding the root's children to the root
 * adds every dialog to that one set: the whole conversation runs on one stack, in the root's one DialogContext, and
 * the root alone handles interruptions (InterruptibleDialog). A ComponentDialog per dialog would build a DialogContext
 * of its own on every turn, at every level of nesting.
 *
 * Ids are therefore unique across the conversation: a dialog begun from several places (AskFieldDialog, say) is one
 * instance, passed to each dialog that begins it, and internal ids take their dialog's prefix ('port.collect').
 */
export abstract class FlowDialog<O extends object = object> extends WaterfallDialog<O> implements DialogDependencies {
  private readonly dependencies: Dialog[] = [];

  /** Declares a dialog this one begins, to be added to the conversation's set along with it. */
  protected addDialog(dialog: Dialog): void {
    this.dependencies.push(dialog);
  }

  getDependencies(): Dialog[] {
    return [...this.dependencies];
  }
}

const hasDependencies = (dialog: Dialog): dialog is Dialog & DialogDependencies =>
  typeof (dialog as Partial<DialogDependencies>).getDependencies === 'function';

/**
 * Throws when `dialog`, or a dialog it depends on, is a second instance under an id that `set` (or another dialog
 * among them) already has. DialogSet.add would rename it silently ("askFieldDialog2"), and every dialog that begins
 * the id would run the first instance: a mistake in building the dialogs, caught as they are built.
 */
export function assertOneInstancePerId(set: DialogSet, dialog: Dialog, seen = new Map<string, Dialog>()): void {
  const known = seen.get(dialog.id) ?? set.find(dialog.id);
  if (known === dialog) return;
  if (known !== undefined) throw new Error(`Two dialogs have the id "${dialog.id}": build it once and pass it to each dialog that begins it.`);
  seen.set(dialog.id, dialog);
  if (hasDependencies(dialog)) for (const dependency of dialog.getDependencies()) assertOneInstancePerId(set, dependency, seen);
}
