import { buttonChoice, isButtonClick, labelledChoice } from '../../dialogs/choices';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { click } from '../support/clicks';

describe('buttons', () => {
  it('send their label as the customer\'s message, and say which button was clicked', () => {
    expect(buttonChoice('yes').action).toEqual(
      expect.objectContaining({ type: 'messageBack', title: buttonLabels.yes, text: buttonLabels.yes, displayText: buttonLabels.yes }),
    );
    expect(labelledChoice('(415) 555-0123', 'Use (415) 555-0123').action?.value).toEqual({ choice: '(415) 555-0123' });
  });

  it('tell a click from the same words typed', () => {
    expect(isButtonClick(click('yes'))).toBe(true);
    expect(isButtonClick({ type: 'message', text: buttonLabels.yes })).toBe(false);
    expect(isButtonClick({ type: 'message', text: 'yes' })).toBe(false);
    // A card's Action.Submit is not one of these buttons.
    expect(isButtonClick({ type: 'message', value: { action: 'review.confirm', cardId: 'card-1' } })).toBe(false);
  });
});
