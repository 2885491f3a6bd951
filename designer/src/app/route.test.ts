import { describe, expect, it } from 'vitest';
import { callsHref, channelHref, flowHref, parseRoute, scheduleHref } from './route.ts';

describe('parseRoute', () => {
  it('reads every page of the navigation, and anything else as the library', () => {
    expect(parseRoute('')).toEqual({ page: 'library' });
    expect(parseRoute('#/')).toEqual({ page: 'library' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'library' });
    expect(parseRoute('#/teams')).toEqual({ page: 'teams' });
    expect(parseRoute('#/schedules')).toEqual({ page: 'schedules' });
    expect(parseRoute('#/customers')).toEqual({ page: 'customers' });
    expect(parseRoute('#/prices')).toEqual({ page: 'prices' });
    expect(parseRoute('#/members')).toEqual({ page: 'members' });
    expect(parseRoute('#/tokens')).toEqual({ page: 'tokens' });
  });

  it('round-trips flow, schedule and channel addresses', () => {
    expect(parseRoute(flowHref('a b/c'))).toEqual({ page: 'editor', flowId: 'a b/c' });
    expect(parseRoute(scheduleHref('s 1'))).toEqual({ page: 'schedules', scheduleId: 's 1' });
    for (const channel of ['phone-lines', 'whatsapp', 'sip'] as const) {
      expect(parseRoute(channelHref(channel))).toEqual({ page: 'channels', channel });
    }
    expect(parseRoute('#/channels')).toEqual({ page: 'channels', channel: 'phone-lines' });
    expect(parseRoute('#/channels/fax')).toEqual({ page: 'channels', channel: 'phone-lines' });
  });

  it('reads the calls views with their filters, and round-trips them', () => {
    expect(parseRoute('#/calls')).toEqual({ page: 'calls', view: 'list', query: '' });
    expect(parseRoute('#/calls?outcome=hangup&page=2')).toEqual({
      page: 'calls',
      view: 'list',
      query: 'outcome=hangup&page=2',
    });
    expect(parseRoute(callsHref('call', 'from=x', 'CA 1/2'))).toEqual({
      page: 'calls',
      view: 'call',
      callId: 'CA 1/2',
      query: 'from=x',
    });
    expect(parseRoute(callsHref('analytics', 'version=3'))).toEqual({
      page: 'calls',
      view: 'analytics',
      query: 'version=3',
    });
    expect(parseRoute(callsHref('live'))).toEqual({ page: 'calls', view: 'live', query: '' });
    expect(parseRoute('#/calls/elsewhere')).toEqual({ page: 'calls', view: 'list', query: '' });
  });
});
