export * from './priceTable.ts';
export * from './estimate.ts';
