export * from './schema.ts';
export * from './time.ts';
export * from './evaluate.ts';
