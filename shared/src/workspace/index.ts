export * from './fields.ts';
export * from './schema.ts';
export * from './result.ts';
export * from './callbots.ts';
export * from './lines.ts';
export * from './numbers.ts';
export * from './checklist.ts';
export * from './namedSchedules.ts';
