import { spokenTextViewOf } from '../../canvas/SpokenTextNodeView.tsx';

/** The greeting: the first thing every caller hears, and how long it takes. */
export const GreetingNodeView = spokenTextViewOf<'greeting'>();
