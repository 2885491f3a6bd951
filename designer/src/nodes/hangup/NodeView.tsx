import { spokenTextViewOf } from '../../canvas/SpokenTextNodeView.tsx';

/** A hang-up: the goodbye said before the call ends, if any. */
export const HangupNodeView = spokenTextViewOf<'hangup'>();
