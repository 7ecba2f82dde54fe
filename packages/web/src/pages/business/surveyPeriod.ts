import { dayInChina } from '../../components/dayInChina';

/**
 * Whether a survey takes answers today: open and within its own dates, as the server checks on
 * answering. The form is not offered on a day the answer would be refused.
 */
export const takesAnswers = (
  survey: { status: string; opensOn: string; closesOn: string },
  today = dayInChina(new Date().toISOString()),
) => survey.status === 'open' && survey.opensOn <= today && today <= survey.closesOn;
