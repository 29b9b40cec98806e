/**
 * Package entry (yours: mcpgen created it once and never overwrites it).
 * Everything the generated client offers is in ./generated/.
 */
export * from './generated/index.js';
