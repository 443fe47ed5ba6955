import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { collectCsrText } from '../../dialogs/text/collectCsrText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { portText } from '../../dialogs/text/portText';
import { tipsText } from '../../dialogs/text/tipsText';
import { CSR_FIELDS } from '../../src/domain';
import { cardIn } from './cardHarness';
import { ConversationHarness, SUPPORT, answerFields, buttonsOf, textsOf } from './conversationHarness';

describe('TipsDialog', () => {
  it('gives the three tips in order from the menu, with the keep-your-service check', async () => {
    const harness = new ConversationHarness();
    await harness.join();
    const first = await harness.turn('tips');
    expect(first.replies.map((reply) => reply.text)).toEqual([
      `${tipsText.menuIntro}\n\n${tipsText.keepService.tip}`,
      tipsText.keepService.question,
    ]);
    expect(buttonsOf(first.replies)).toEqual([buttonLabels.yes, buttonLabels.no]);

    expect(await harness.say(buttonLabels.yes)).toEqual([
      tipsText.keepService.active,
      tipsText.getCsr.tip,
      tipsText.fillLoa.tip,
      tipsText.menuOutro,
      mainText.menu.again,
    ]);
    const session = await harness.session();
    expect(session?.tipsSeen).toEqual(['keepService', 'getCsr', 'fillLoa']);
    expect(session?.serviceActiveConfirmed).toBe(true);
  });

  it('does not repeat in the port what the customer already read', async () => {
    const harness = new ConversationHarness();
    await harness.join();
    await harness.say(buttonLabels.tips);
    await harness.say(buttonLabels.yes);

    const start = await harness.say(buttonLabels.startPort);
    expect(start).toEqual([collectCsrText.intro, askFieldText.question.numbers()]);
    await answerFields(harness, ['numbers']);
    const afterCarrier = await harness.say('AT&T');
    // Only the carrier's own instructions are new: the general CSR tip was read from the menu.
    expect(afterCarrier).not.toContain(tipsText.getCsr.tip);
    expect(afterCarrier[1]).toContain('**Getting your details from AT&T:**');

    const end = await answerFields(harness, CSR_FIELDS.slice(2));
    expect(end.map((reply) => reply.text)).not.toContain(tipsText.fillLoa.tip);
    expect(cardIn(end.at(-1) ?? {})).toBeDefined();
  });

  it('explains the risk and how to reach an agent at once when the service is already cancelled', async () => {
    const harness = new ConversationHarness();
    await harness.join();
    await harness.say(buttonLabels.startPort);
    const cancelled = await harness.turn('No, I already cancelled it');
    expect(textsOf(cancelled.replies)).toEqual([`${tipsText.keepService.cancelled}\n\n${interruptionText.agent(SUPPORT)}`, portText.carryOnQuestion]);
    expect(buttonsOf(cancelled.replies)).toEqual([buttonLabels.yes, buttonLabels.no, buttonLabels.agent]);
    expect((await harness.session())?.serviceActiveConfirmed).toBe(false);

    // "Talk to an agent" interrupts the question (here, with no agents set up, the contact) and asks it again.
    expect(await harness.say(buttonLabels.agent)).toEqual([interruptionText.agent(SUPPORT), portText.carryOnQuestion]);

    expect(await harness.say(buttonLabels.no)).toEqual([portText.stoppedForService, mainText.menu.again]);
  });

  it('lets a customer whose service was cancelled carry on anyway', async () => {
    const harness = new ConversationHarness();
    await harness.join();
    await harness.say(buttonLabels.startPort);
    await harness.say(buttonLabels.no);
    expect(await harness.say(buttonLabels.yes)).toEqual([collectCsrText.intro, askFieldText.question.numbers()]);
  });

  it("gives the current carrier's own instructions in the CSR tip once the carrier is known", async () => {
    const harness = new ConversationHarness();
    await harness.join();
    await harness.say(buttonLabels.startPort);
    await harness.say(buttonLabels.yes);
    await answerFields(harness, ['numbers', 'carrier']);
    await harness.say('cancel');
    await harness.say(buttonLabels.yes);

    await harness.say(buttonLabels.tips);
    const tips = await harness.say(buttonLabels.yes);
    expect(tips[1]).toBe(tipsText.getCsr.tip);
    expect(tips[2]).toContain('**Getting your details from AT&T:**');
    expect(tips[2]).toContain('*PORT');
  });
});
