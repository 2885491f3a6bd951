import { pricingCountry } from '@callbot/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Bot, FastForward, RotateCcw, X } from 'lucide-react';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { CoverageShown } from '../editor/store.ts';
import { Button, IconButton } from '../ui/Button.tsx';
import { Switch } from '../ui/Switch.tsx';
import { describeDiagnostic } from '../ui/describeDiagnostic.ts';
import { AgentSettingsDialog } from './AgentSettingsDialog.tsx';
import { agentFor, loadAgentSettings, saveAgentSettings } from './agentSettings.ts';
import { browserVoice } from './browserSpeech.ts';
import { EventLog, Transcript } from './CallLog.tsx';
import { CallCost } from './cost/CallCost.tsx';
import { ListeningIndicator } from './ListeningIndicator.tsx';
import { formatCallTime, timelineOf } from './moments.ts';
import { startPacing } from './pacing.ts';
import { PhonePanel } from './PhonePanel.tsx';
import { SetupForm } from './SetupForm.tsx';
import { createSimulatorStore, teamsOf, type SimulatorStore } from './store.ts';
import { TestCasesPanel } from './tests/TestCasesPanel.tsx';
import { Timeline } from './Timeline.tsx';
import {
  useMonthToDate,
  usePriceTable,
  useTeamsIfAny,
  useWorkspaceCountry,
} from '../app/WorkspaceContext.tsx';
import './simulator.css';

/**
 * The call simulator, beside the canvas: set a call up, run it on the
 * runtime against the flow as it is now, and watch when the bot listens.
 * Loaded on demand with the runtime (the editor's "Simulate" button).
 */
export default function SimulatorPanel({
  flowId,
  onClose,
  testCasesWritable = true,
}: {
  flowId: string;
  onClose: () => void;
  /** False for a viewer, whose test cases are read-only. */
  testCasesWritable?: boolean;
}) {
  const { t } = useTranslation();
  const doc = useEditor((s) => s.doc);
  const editor = useEditorStore();
  const showCoverage = useCallback(
    (coverage: CoverageShown | null) => editor.getState().showCoverage(coverage),
    [editor],
  );
  const selectedNode = useEditor((s) =>
    s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null,
  );
  const teams = useMemo(() => teamsOf(doc), [doc]);
  const [voice] = useState(browserVoice);
  const [store] = useState<SimulatorStore>(() =>
    createSimulatorStore({
      now: Date.now(),
      timeZone: doc.settings.timeZone,
      teams,
      ...(voice && { voice }),
      highlight: (highlight) => editor.getState().highlightCall(highlight),
    }),
  );
  const sim = useStore(store);
  const [agentSettings, setAgentSettings] = useState(loadAgentSettings);
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    if (sim.phase !== 'running') return;
    return startPacing(store);
  }, [sim.phase, store]);
  // A call that starts is shown from its top: the start button sits low in a
  // scrolled panel, and the listening indicator, the clock and the phone are
  // above it. The keypad's first key takes the focus (the button pressed is gone).
  const panel = useRef<HTMLElement>(null);
  const shownPhase = useRef(sim.phase);
  useEffect(() => {
    const was = shownPhase.current;
    shownPhase.current = sim.phase;
    const aside = panel.current;
    if (was !== 'setup' || sim.phase === 'setup' || !aside) return;
    aside
      .querySelector<HTMLElement>('.phone button:not(:disabled)')
      ?.focus({ preventScroll: true });
    aside.scrollTop = 0;
  }, [sim.phase]);
  // A team of the workspace starts with the agents it has there (the trainer can change them).
  const workspaceTeams = useTeamsIfAny()?.value?.items;
  useEffect(() => {
    for (const team of workspaceTeams ?? []) {
      if (teams.includes(team.name)) store.getState().setAgents(team.name, team.agents);
    }
  }, [workspaceTeams, teams, store]);
  const priceTable = usePriceTable();
  // The call's own country: the customer's number (the caller's, or the number the business
  // calls), else the workspace's country.
  const country = pricingCountry(priceTable, sim.setup, useWorkspaceCountry());
  const monthToDate = useMonthToDate({
    channel: sim.setup.channel,
    direction: sim.setup.direction,
    country,
  });
  // Closing the panel ends what it was doing: no voice or highlight is left behind.
  useEffect(() => () => store.getState().newCall(), [store]);

  const atAgent =
    sim.now.node !== null && doc.nodes.find((n) => n.id === sim.now.node)?.kind === 'aiAgent';
  const timeline = useMemo(
    () =>
      timelineOf(
        sim.log.map((e) => e.line),
        sim.now.t,
        sim.wordsPerMinute,
      ),
    [sim.log, sim.now.t, sim.wordsPerMinute],
  );

  return (
    <aside ref={panel} className="simulator" aria-label={t('simulator.title')}>
      <header className="simulator__header">
        <h2>{t('simulator.title')}</h2>
        <Button size="sm" variant="ghost" icon={<Bot />} onClick={() => setSettingsOpen(true)}>
          {t('simulator.settings.open')}
        </Button>
        <IconButton size="sm" label={t('simulator.close')} icon={<X />} onClick={onClose} />
      </header>
      {agentSettings.url && (
        <p className="simulator__note">
          {t('simulator.settings.inUse', { model: agentSettings.model, url: agentSettings.url })}
        </p>
      )}
      <ListeningIndicator moment={sim.now} phase={sim.phase} />
      {sim.phase === 'setup' ? (
        <>
          {sim.problem && (
            <div role="alert" className="simulator__problem">
              <p>{t('simulator.setup.cannotStart')}</p>
              <ul>
                {sim.problem.missingStartNode !== undefined ? (
                  <li>
                    {t('simulator.setup.noStartNode', { node: sim.problem.missingStartNode })}
                  </li>
                ) : sim.problem.diagnostics.length > 0 ? (
                  sim.problem.diagnostics
                    .filter((d) => d.severity === 'error')
                    .map((d, i) => <li key={i}>{describeDiagnostic(d)}</li>)
                ) : (
                  <li>{sim.problem.message}</li>
                )}
              </ul>
            </div>
          )}
          <SetupForm
            doc={doc}
            setup={sim.setup}
            teams={teams}
            selectedNode={selectedNode}
            onChange={sim.updateSetup}
            onAgents={sim.setAgents}
            onStart={() => sim.start(doc, agentFor(agentSettings))}
          />
        </>
      ) : (
        <>
          <div className="simulator__clock">
            <span>
              {t('simulator.clock.time')} <time>{formatCallTime(sim.now.t)}</time>
            </span>
            {sim.phase === 'running' ? (
              <Button size="sm" icon={<FastForward />} onClick={sim.skipWait}>
                {t('simulator.clock.skipWait')}
              </Button>
            ) : (
              <Button size="sm" icon={<RotateCcw />} onClick={sim.newCall}>
                {t('simulator.clock.newCall')}
              </Button>
            )}
          </div>
          <PhonePanel
            inCall={sim.phase === 'running'}
            lang={doc.settings.locale}
            onInput={sim.send}
            onHangUp={sim.hangUp}
            typeAgentTurns={atAgent && !agentSettings.url}
          />
          {voice ? (
            <Switch
              checked={sim.speakAloud}
              onChange={sim.setSpeakAloud}
              label={t('simulator.phone.speakAloud')}
            />
          ) : (
            <p className="phone__note">{t('simulator.phone.noVoice')}</p>
          )}
          <Timeline data={timeline} />
          <CallCost
            table={priceTable}
            channel={sim.setup.channel}
            direction={sim.setup.direction}
            durationMs={sim.now.t}
            country={country}
            {...(monthToDate && { monthToDate })}
          />
          <Transcript log={sim.log} />
          <EventLog log={sim.log} selected={sim.selected} onSelect={sim.select} />
        </>
      )}
      <TestCasesPanel
        flowId={flowId}
        doc={doc}
        recorded={sim.recorded}
        showCoverage={showCoverage}
        writable={testCasesWritable}
      />
      {settingsOpen && (
        <AgentSettingsDialog
          settings={agentSettings}
          onSave={(settings) => {
            saveAgentSettings(settings);
            setAgentSettings(settings);
          }}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </aside>
  );
}
