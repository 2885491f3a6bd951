import type { SimulatedInput } from '@callbot/runtime';
import { useEffect, useRef, useState } from 'react';
import { CircleCheck, Mic, PhoneForwarded, PhoneOff, Send } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';
import { speechRecognition, type Recognition } from './browserSpeech.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export interface PhonePanelProps {
  /** The call is on: the controls send. */
  inCall: boolean;
  /** The language the caller speaks (the flow's locale), for speech recognition. */
  lang: string;
  onInput: (event: SimulatedInput) => void;
  onHangUp: () => void;
  /** The call is at an AI agent node whose turns the trainer types. */
  typeAgentTurns?: boolean;
  /** The browser's speech recognition; the default looks it up. */
  recognition?: (new () => Recognition) | null;
}

/**
 * The caller's phone: a keypad (DTMF), a text box for what the caller says,
 * the microphone where the browser recognises speech, and hang up. Input is
 * always sent: whether the bot hears it is the runtime's call, and the
 * transcript says so (R17, R18).
 */
export function PhonePanel({
  inCall,
  lang,
  onInput,
  onHangUp,
  typeAgentTurns = false,
  recognition = speechRecognition(),
}: PhonePanelProps) {
  const { t } = useTranslation();
  const [speech, setSpeech] = useState('');
  const [reply, setReply] = useState('');
  const [hearing, setHearing] = useState(false);
  const active = useRef<Recognition | null>(null);
  useEffect(() => () => active.current?.stop(), []);

  const say = (text: string) => {
    if (text.trim()) onInput({ type: 'speech', text: text.trim() });
  };

  const listen = () => {
    if (!recognition) return;
    if (active.current) {
      active.current.stop();
      return;
    }
    const r = new recognition();
    r.lang = lang;
    r.interimResults = false;
    r.maxAlternatives = 1;
    r.onresult = (event) => {
      const text = event.results[0]?.[0]?.transcript ?? '';
      say(text);
    };
    r.onend = r.onerror = () => {
      active.current = null;
      setHearing(false);
    };
    active.current = r;
    setHearing(true);
    r.start();
  };

  const agentReply = (ending?: 'done' | 'transfer') => {
    onInput({ type: 'agent.reply', text: reply.trim(), ...(ending && { [ending]: true }) });
    setReply('');
  };

  return (
    <section className="phone" aria-label={t('simulator.phone.label')}>
      <div className="phone__keypad" role="group" aria-label={t('simulator.phone.keypad')}>
        {KEYS.map((digit) => (
          <button
            key={digit}
            type="button"
            disabled={!inCall}
            onClick={() => onInput({ type: 'dtmf', digit })}
          >
            {digit}
          </button>
        ))}
      </div>
      <form
        className="phone__speech"
        onSubmit={(event) => {
          event.preventDefault();
          say(speech);
          setSpeech('');
        }}
      >
        <label>
          {t('simulator.phone.speech')}
          <input
            value={speech}
            disabled={!inCall}
            onChange={(event) => setSpeech(event.target.value)}
          />
        </label>
        <Button type="submit" icon={<Send />} disabled={!inCall || !speech.trim()}>
          {t('simulator.phone.say')}
        </Button>
      </form>
      {recognition ? (
        <Button icon={<Mic />} disabled={!inCall} aria-pressed={hearing} onClick={listen}>
          {hearing ? t('simulator.phone.microphoneOn') : t('simulator.phone.microphone')}
        </Button>
      ) : (
        <p className="phone__note">{t('simulator.phone.noMicrophone')}</p>
      )}
      {typeAgentTurns && (
        <div className="phone__agent" role="group" aria-label={t('simulator.phone.agentReply')}>
          <p className="phone__note">{t('simulator.phone.agentHint')}</p>
          <label>
            {t('simulator.phone.agentReply')}
            <textarea
              rows={2}
              value={reply}
              disabled={!inCall}
              onChange={(event) => setReply(event.target.value)}
            />
          </label>
          <div className="phone__row">
            <Button
              size="sm"
              variant="primary"
              icon={<Send />}
              disabled={!inCall || !reply.trim()}
              onClick={() => agentReply()}
            >
              {t('simulator.phone.reply')}
            </Button>
            <Button
              size="sm"
              icon={<CircleCheck />}
              disabled={!inCall}
              onClick={() => agentReply('done')}
            >
              {t('simulator.phone.replyDone')}
            </Button>
            <Button
              size="sm"
              icon={<PhoneForwarded />}
              disabled={!inCall}
              onClick={() => agentReply('transfer')}
            >
              {t('simulator.phone.replyTransfer')}
            </Button>
          </div>
        </div>
      )}
      <Button
        variant="danger"
        className="phone__hangup"
        icon={<PhoneOff />}
        disabled={!inCall}
        onClick={onHangUp}
      >
        {t('simulator.phone.hangUp')}
      </Button>
    </section>
  );
}
