import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { examplePriceTable, type PriceTable } from '@callbot/shared';
import { CallCost } from './CallCost.tsx';

const panel = () => screen.getByRole('region', { name: 'Estimated cost' });
const amount = () => within(panel()).getByRole('status', { name: 'Estimated amount' });
const tiers = () =>
  within(panel())
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('CallCost', () => {
  it('R20: prices a short line call at the up-to-2-minutes rate, with example figures said so', () => {
    render(<CallCost channel="line" direction="inbound" durationMs={95_000} />);
    expect(amount().textContent).toBe('R$0.30');
    expect(panel().textContent).toContain('for 2 billed minutes');
    expect(tiers()).toEqual(['Calls up to 2 min: 2 min × R$0.15 per minute']);
    expect(within(panel()).getByText('Example figures')).toBeTruthy();
    expect(panel().textContent).toContain('Every started minute is billed.');
  });

  it('R20: prices a line call over 2 minutes at the other rate', () => {
    render(<CallCost channel="line" direction="inbound" durationMs={180_001} />);
    expect(amount().textContent).toBe('R$0.48');
    expect(tiers()).toEqual(['Calls over 2 min: 4 min × R$0.12 per minute']);
  });

  it('R21: a WhatsApp call the customer starts is free, one the business starts is not', () => {
    const { rerender } = render(
      <CallCost channel="whatsapp" direction="inbound" durationMs={600_000} />,
    );
    expect(amount().textContent).toBe('R$0.00');
    expect(tiers()).toEqual(['Free: WhatsApp calls the customer starts cost nothing extra']);

    rerender(<CallCost channel="whatsapp" direction="outbound" durationMs={150_000} />);
    expect(amount().textContent).toBe('R$0.90');
    expect(tiers()).toEqual(['Calls 1 to 1,000 of the month: 3 min × R$0.30 per minute']);
  });

  it('R21: prices a business WhatsApp call by the month’s number of calls in its own country, saying the volume', () => {
    const { rerender } = render(
      <CallCost
        channel="whatsapp"
        direction="outbound"
        durationMs={120_000}
        country="MX"
        monthToDate={{ calls: 999, minutes: 2_400 }}
      />,
    );
    expect(tiers()).toEqual(['Calls 1 to 1,000 of the month: 2 min × MX$1.10 per minute']);
    expect(amount().textContent).toBe('MX$2.20');
    expect(screen.getByText(/This month so far: 999 calls/).textContent).toContain('in MX');
    rerender(
      <CallCost
        channel="whatsapp"
        direction="outbound"
        durationMs={120_000}
        country="MX"
        monthToDate={{ calls: 1_000, minutes: 2_401 }}
      />,
    );
    expect(tiers()).toEqual(['Calls 1,001 to 10,000 of the month: 2 min × MX$0.90 per minute']);
  });

  it('R21: prices every country sold, Spain and Colombia included', () => {
    render(<CallCost channel="line" direction="inbound" durationMs={60_000} country="ES" />);
    expect(amount().textContent).toBe('€0.03');
  });

  it('names a workspace table instead of saying "Example figures"', () => {
    const own: PriceTable = { ...examplePriceTable, label: 'Loja Exemplo 2027', example: false };
    render(<CallCost channel="sip" direction="outbound" durationMs={60_000} table={own} />);
    expect(panel().textContent).toContain('Loja Exemplo 2027');
    expect(within(panel()).queryByText('Example figures')).toBeNull();
    expect(amount().textContent).toBe('R$0.08');
  });

  it('says when the table has no prices for the country', () => {
    render(<CallCost channel="line" direction="inbound" durationMs={1} country="CL" />);
    expect(within(panel()).getByRole('alert').textContent).toBe(
      'The price table has no prices for CL.',
    );
  });
});
