import { Fragment } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NodeFacts, NodeFrame, useNodeView } from '../../canvas/NodeFrame.tsx';
import { weekRuns } from '../../canvas/format.ts';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** A schedule: its opening hours in one line, its holidays and its time zone. */
export function ScheduleNodeView({ data, selected }: NodeProps<FlowCanvasNode<'schedule'>>) {
  const { t } = useNodeView();
  const { weekly, holidays, timeZone } = data.node.data;
  const runs = weekRuns(weekly, t);
  return (
    <NodeFrame node={data.node} badge={data.badge} selected={selected}>
      {runs.length === 0 ? (
        <p className="flow-node__muted">{t('kinds.schedule.neverOpen')}</p>
      ) : (
        <p className="flow-node__text flow-node__clamp" style={{ WebkitLineClamp: 3 }}>
          {runs.map((run, i) => (
            // Lines break between ranges, never inside one: `Sat 09:00–13:00` stays whole.
            <Fragment key={run.days}>
              {i > 0 && ', '}
              {run.ranges.map((range, j) => (
                <Fragment key={range}>
                  {j > 0 && ' & '}
                  <span className="flow-node__nowrap">
                    {j === 0 && `${run.days} `}
                    {range}
                  </span>
                </Fragment>
              ))}
            </Fragment>
          ))}
        </p>
      )}
      <NodeFacts
        facts={[
          [
            t('kinds.schedule.holidays'),
            holidays.length === 0
              ? t('kinds.schedule.noHolidays')
              : t('kinds.schedule.holidayCount', { count: holidays.length }),
          ],
          [t('kinds.schedule.timeZone'), timeZone ?? t('kinds.schedule.flowTimeZone')],
        ]}
      />
    </NodeFrame>
  );
}
