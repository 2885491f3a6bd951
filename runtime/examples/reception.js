// The reception example, driven as a media layer would drive it: a call comes
// in on a Tuesday morning, the bot greets and offers a menu, the caller
// presses 1, the bot transfers to sales, the transfer is answered.
//
//   node node_modules/@callbot/runtime/examples/reception.js
//
// Plain JavaScript on plain Node (20.19 or later): no TypeScript, no loader.
// Time is virtual here (a VirtualClock), so the call runs at once and always
// the same way; a live call leaves `clock` out and gets the real one.
import { createCallSession, examples, VirtualClock } from '@callbot/runtime';

const clock = new VirtualClock();
const session = createCallSession(examples.reception, {
  clock,
  // How many agents of each team can take a call now (asked before every transfer).
  directory: (team) => (team === 'vendas' ? 3 : 0),
});

// Commands the bot gives the call. A real media layer plays, listens and
// dials; here each command is printed, and the call's answers are queued.
const replies = [];
session.subscribe((message) => {
  if (message.channel !== 'command') return;
  const command = message.command;
  switch (command.type) {
    case 'say':
      console.log(`bot says: ${command.text}`);
      replies.push({ type: 'prompt.ended', promptId: command.promptId });
      break;
    case 'listen':
      console.log(command.on ? `bot listens (${command.modes.join(', ')})` : 'bot stops listening');
      break;
    case 'transfer':
      console.log(`bot transfers to team ${command.team}`);
      replies.push({ type: 'transfer.result', outcome: 'answered' });
      break;
    default:
      console.log(`bot: ${JSON.stringify(command)}`);
  }
});

/** Sends an event, then the answers it caused (prompts played, the transfer's result). */
function send(event) {
  console.log(`call: ${JSON.stringify(event)}`);
  session.send(event);
  while (replies.length > 0) {
    const reply = replies.shift();
    console.log(`call: ${JSON.stringify(reply)}`);
    session.send(reply);
  }
}

send({
  type: 'call.started',
  channel: 'line',
  direction: 'inbound',
  from: '+5511912345678',
  to: '+551130000000',
  at: '2026-11-24T10:00:00-03:00', // a Tuesday, 10:00 in São Paulo: the store is open
});
send({ type: 'dtmf', digit: '1' });

const { status, outcome } = session.getSnapshot();
console.log(`call ${status}: ${outcome}`);
