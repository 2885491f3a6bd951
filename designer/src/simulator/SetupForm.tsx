import { own, type FlowDocument } from '@callbot/shared';
import { useId } from 'react';
import { Crosshair, PhoneCall } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';
import { DateField } from '../ui/DateField.tsx';
import { TimeField } from '../ui/TimeField.tsx';
import { timeZoneNames } from '../inspector/timeZones.ts';
import type { CallSetup, Channel, Direction, Speed } from './store.ts';
import { PhoneField } from '../forms/PhoneField.tsx';

const CHANNELS: Channel[] = ['line', 'whatsapp', 'sip'];
const DIRECTIONS: Direction[] = ['inbound', 'outbound'];
const SPEEDS: Speed[] = ['realtime', 'faster', 'instant'];

/** The call to simulate: channel, direction, numbers, moment, agents per team, speed, start node. */
export function SetupForm({
  doc,
  setup,
  teams,
  selectedNode,
  onChange,
  onAgents,
  onStart,
}: {
  doc: FlowDocument;
  setup: CallSetup;
  teams: string[];
  /** The node selected on the canvas, for "Start from the selected node". */
  selectedNode: string | null;
  onChange: (patch: Partial<CallSetup>) => void;
  onAgents: (team: string, count: number) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const zones = useId();
  return (
    <form
      className="simsetup"
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <fieldset>
        <legend>{t('simulator.setup.legend')}</legend>
        <label>
          {t('simulator.setup.channel')}
          <select
            value={setup.channel}
            onChange={(e) => onChange({ channel: e.target.value as Channel })}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`simulator.setup.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('simulator.setup.direction')}
          <select
            value={setup.direction}
            onChange={(e) => onChange({ direction: e.target.value as Direction })}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`simulator.setup.directions.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <PhoneField
          label={t('simulator.setup.from')}
          value={setup.from}
          onChange={(from) => onChange({ from })}
        />
        <PhoneField
          label={t('simulator.setup.to')}
          value={setup.to}
          onChange={(to) => onChange({ to })}
        />
        <DateField
          label={t('simulator.setup.date')}
          required
          value={setup.date}
          onChange={(date) => onChange({ date })}
        />
        <TimeField
          label={t('simulator.setup.time')}
          required
          value={setup.time}
          onChange={(time) => onChange({ time })}
        />
        <label>
          {t('simulator.setup.timeZone')}
          <input
            list={zones}
            required
            value={setup.timeZone}
            onChange={(e) => onChange({ timeZone: e.target.value })}
          />
          <datalist id={zones}>
            {timeZoneNames().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('simulator.setup.agents')}</legend>
        {teams.length === 0 && <p>{t('simulator.setup.noTeams')}</p>}
        {teams.map((team) => (
          <label key={team}>
            <span aria-hidden="true">{team}</span>
            <input
              type="number"
              min={0}
              step={1}
              aria-label={t('simulator.setup.agentsOf', { team })}
              value={own(setup.agents, team) ?? 0}
              onChange={(e) => onAgents(team, Number(e.target.value))}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('simulator.setup.speed')}</legend>
        {SPEEDS.map((s) => (
          <label key={s} className="simsetup__radio">
            <input
              type="radio"
              name="sim-speed"
              value={s}
              checked={setup.speed === s}
              onChange={() => onChange({ speed: s })}
            />
            {t(`simulator.setup.speeds.${s}`)}
          </label>
        ))}
        <p className="simsetup__hint">{t('simulator.setup.speedHint')}</p>
      </fieldset>
      <label>
        {t('simulator.setup.startNode')}
        <select
          value={setup.startNode ?? ''}
          onChange={(e) => onChange({ startNode: e.target.value || null })}
        >
          <option value="">{t('simulator.setup.flowStart')}</option>
          {doc.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label ? `${n.label} (${n.id})` : n.id}
            </option>
          ))}
        </select>
      </label>
      <div className="simsetup__actions">
        <Button
          icon={<Crosshair />}
          disabled={selectedNode === null}
          onClick={() => onChange({ startNode: selectedNode })}
        >
          {t('simulator.setup.startHere')}
        </Button>
        <Button type="submit" variant="primary" icon={<PhoneCall />} className="simsetup__start">
          {t('simulator.setup.start')}
        </Button>
      </div>
    </form>
  );
}
