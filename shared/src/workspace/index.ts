export * from './fields.ts';
export * from './schema.ts';
