import { spokenTextViewOf } from '../../canvas/SpokenTextNodeView.tsx';

/** A message: the text said, and how long it takes. */
export const MessageNodeView = spokenTextViewOf<'message'>();
