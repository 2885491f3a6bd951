import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  examples,
  playedInOrder,
  simulateCall,
  timelineOf,
  type ScriptInput,
} from '@callbot/runtime';
import { describe, expect, it } from 'vitest';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import type { FlowRepository } from '../../persistence/index.ts';
import { createTestRepository } from '../../persistence/testing.ts';
import { Timeline } from '../../simulator/Timeline.tsx';
import { scriptOfCall, traceOf } from './callScript.ts';
import { CallsViews } from './CallsPage.tsx';
import { CallsClientProvider } from './callsContext.ts';
import { createFakeCallsClient, recordCall, WORDS_PER_MINUTE } from './testing.ts';
import type { CallDetail } from '@callbot/shared';

/** A support call: menu, key 2, a team with nobody, then the fallback bot. */
const supportSteps: ScriptInput['steps'] = [
  { when: 'listening', delay: 1200, event: { type: 'dtmf', digit: '2' } },
];

async function show(detail: CallDetail, repo?: FlowRepository) {
  const client = createFakeCallsClient([detail], {
    docs: new Map([[`${detail.flow!.callbot}@${detail.flow!.version}`, examples.reception]]),
  });
  const repository = repo ?? createTestRepository().repo;
  render(
    <RepositoryProvider repository={repository}>
      <CallsClientProvider value={client}>
        <CallsViews view="call" callId={detail.call.sid} query="outcome=handed_off" />
      </CallsClientProvider>
    </RepositoryProvider>,
  );
  await screen.findByRole('heading', { name: 'Call from +55 11 98888 7777' });
  return { user: userEvent.setup() };
}

/** The call as the server answers while it is in progress: its lines up to the caller queued for a team. */
function inProgress(detail: CallDetail): CallDetail {
  const queued = detail.events.findIndex((e) => e.line.kind === 'transfer');
  const events = detail.events.slice(0, queued + 1);
  const lines = traceOf({ ...detail, events });
  const now = lines.at(-1)!.t;
  return {
    ...detail,
    call: {
      ...detail.call,
      status: 'in_progress',
      endedAt: null,
      durationMs: null,
      endedNode: null,
      cost: null,
    },
    events,
    timeline: timelineOf(playedInOrder(lines, WORDS_PER_MINUTE), now, WORDS_PER_MINUTE),
  };
}

/** The call's facts as the page pairs them: each label with the value under it. */
const facts = () =>
  [...document.querySelectorAll('.call-view__facts > div')].map((pair) => [
    pair.querySelector('dt')?.textContent,
    pair.querySelector('dd')?.textContent,
  ]);

/** An SVG's drawing, without the ids React made for its title and description. */
const picture = (svg: Element) =>
  svg.outerHTML.replace(/_r_[0-9a-z]+_|«[^»]*»|:r[0-9a-z]+:/g, 'ID');

describe('one call', () => {
  it('draws the timeline of the real call as the simulator draws the same call simulated', async () => {
    const { detail } = recordCall('CA-support', supportSteps);
    await show(detail);
    const real = screen.getByRole('img', { name: /Call timeline/ });

    // The same call simulated: its inputs as a script, run by the simulator's runtime on the same flow.
    const simulated = simulateCall(examples.reception, scriptOfCall(detail, traceOf(detail))).lines;
    const end = simulated.find((l) => l.kind === 'end')!.t;
    const { container } = render(<Timeline data={timelineOf(simulated, end, WORDS_PER_MINUTE)} />);
    expect(picture(container.querySelector('svg')!)).toBe(picture(real));
    // Not an empty picture: the prompts, the listening and the key are drawn.
    expect(real.querySelectorAll('.timeline__speaking').length).toBeGreaterThan(1);
    expect(real.querySelectorAll('.timeline__input')).toHaveLength(1);
  });

  it('shows the transcript in words, the path on the version that ran, and the way back with the filters', async () => {
    const { detail } = recordCall('CA-wrong', [
      { when: 'listening', delay: 500, event: { type: 'dtmf', digit: '9' } },
      { when: 'listening', delay: 700, event: { type: 'call.ended', by: 'caller' } },
    ]);
    await show(detail);
    const transcript = screen.getByRole('list', { name: 'Transcript' });
    // The ignored key, with why in words.
    expect(within(transcript).getByText(/9.*ignored, it matches no option/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All calls' }).getAttribute('href')).toBe(
      '#/calls?outcome=handed_off',
    );
    await expect
      .poll(() => document.querySelectorAll('.react-flow__node.is-visited').length)
      .toBeGreaterThan(1);
    expect(document.querySelectorAll('.react-flow__node.is-active')).toHaveLength(1);
  });

  it('replays the call on the current flow: the same flow answers the same; a changed one shows where', async () => {
    const { repo } = createTestRepository();
    const example = await repo.ensureExample();
    const flowId = example!.id;
    const { detail } = recordCall('CA-support', supportSteps, { callbot: flowId });
    const { user } = await show(detail, repo);
    await user.click(screen.getByRole('button', { name: 'Replay in the simulator' }));
    await screen.findByText('The current flow answers this call exactly as it did.');

    // The menu's prompt changes: the replay says where the flow now answers differently.
    const opened = await repo.open(flowId);
    const doc = structuredClone(opened.doc);
    const menu = doc.nodes.find((n) => n.kind === 'menu')!;
    (menu.data as { prompt: string }).prompt = 'Tecle 1 para vendas.';
    await repo.save(flowId, doc, opened.revision);
    await user.click(screen.getByRole('button', { name: 'Replay in the simulator' }));
    await screen.findByText(/The current flow behaves differently at \d+ lines?:/);
    expect(screen.getByRole('cell', { name: /Tecle 1 para vendas\./ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save as test case' }));
    await screen.findByText(/Saved as the test case “Real call .*”/);
    const kept = await repo.listTestCases(flowId);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.script).toEqual(scriptOfCall(detail, traceOf(detail)));
  });

  it('names the flow and the nodes as the business does, never by their ids', async () => {
    const { detail } = recordCall('CA-support', supportSteps);
    expect(detail.flow?.callbot).toBe('reception');
    await show(detail);
    // The version's document names the flow (the workspace lists no flow by this id).
    expect(screen.getByText('Recepção Loja Exemplo, version 1')).toBeTruthy();
    expect(screen.queryByText(/reception, version/)).toBeNull();
    const steps = screen.getByRole('list', { name: 'Nodes entered, in order' });
    expect(within(steps).getByText('Menu principal')).toBeTruthy();
    expect(within(steps).queryByText('menu')).toBeNull();
  });

  it('names the flow as the workspace calls it now, and an unlabelled node by its kind', async () => {
    const { repo, db } = createTestRepository();
    const example = await repo.ensureExample();
    // Published, it answers calls: the workspace lists it among its callbots.
    await db.flows.update(example!.id, { callbot: true });
    const opened = await repo.open(example!.id);
    const renamed = structuredClone(opened.doc);
    renamed.settings.name = 'Recepção da loja';
    await repo.save(example!.id, renamed, opened.revision);
    const { detail } = recordCall('CA-wrong', [
      { when: 'listening', delay: 500, event: { type: 'dtmf', digit: '9' } },
      { when: 'listening', delay: 700, event: { type: 'call.ended', by: 'caller' } },
    ]);
    expect(detail.call.endedNode?.id).toBe('menu');
    // The version that ran had no label on its menu.
    const ran = structuredClone(examples.reception);
    delete ran.nodes.find((n) => n.id === 'menu')!.label;
    const client = createFakeCallsClient(
      [{ ...detail, flow: { callbot: example!.id, version: 4 } }],
      {
        docs: new Map([[`${example!.id}@4`, ran]]),
      },
    );
    render(
      <RepositoryProvider repository={repo}>
        <CallsClientProvider value={client}>
          <CallsViews view="call" callId="CA-wrong" query="" />
        </CallsClientProvider>
      </RepositoryProvider>,
    );
    await screen.findByText('Recepção da loja, version 4');
    expect(facts()).toContainEqual(['Where it ended', 'Button menu']);
  });

  it('pairs each fact with its label', async () => {
    const { detail } = recordCall('CA-support', supportSteps);
    await show(detail);
    expect(facts()).toEqual([
      ['Start', expect.any(String)],
      ['Duration', expect.stringMatching(/^\d+:\d\d$/)],
      ['Outcome', 'Handed off'],
      ['Where it ended', 'Bot de suporte'],
      ['Cost', expect.stringContaining('0.12')],
      ['Channel', 'Phone line'],
    ]);
    // A definition list of pairs: a grid item holds one label and its value, nothing else.
    for (const pair of document.querySelectorAll('.call-view__facts > *')) {
      expect(pair.tagName).toBe('DIV');
      expect([...pair.children].map((c) => c.tagName)).toEqual(['DT', 'DD']);
    }
  });

  it('offers no replay of a call still in progress, and says so', async () => {
    const { detail } = recordCall('CA-support', supportSteps);
    await show(inProgress(detail));
    expect(facts()).toContainEqual(['Outcome', 'In progress']);
    expect(screen.getByRole('list', { name: 'Transcript' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Replay in the simulator' })).toBeNull();
    expect(
      screen.getByText(
        'The call is still in progress: it can be replayed in the simulator once it has ended.',
      ),
    ).toBeTruthy();
  });

  it('shows a viewer the path and the timeline but not what was said, unless the workspace allows', async () => {
    const { detail } = recordCall('CA-support', supportSteps);
    // As the server answers a viewer: the words left out.
    const forViewer: CallDetail = {
      ...detail,
      transcript: false,
      events: detail.events.map((e) =>
        e.line.kind === 'say' || e.line.kind === 'input'
          ? { ...e, line: { t: e.line.t, kind: e.line.kind, hidden: true } }
          : e,
      ),
    };
    await show(forViewer);
    expect(
      screen.getByText('Your role sees the figures of calls, not what callers said.'),
    ).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Transcript' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Replay in the simulator' })).toBeNull();
    expect(screen.getByRole('img', { name: /Call timeline/ })).toBeTruthy();
    await expect
      .poll(() => document.querySelectorAll('.react-flow__node.is-visited').length)
      .toBeGreaterThan(1);
  });
});
