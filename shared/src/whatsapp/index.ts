export * from './schema.ts';
export * from './permissions.ts';
