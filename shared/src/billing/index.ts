export * from './priceTable.ts';
export * from './estimate.ts';
export * from './country.ts';
