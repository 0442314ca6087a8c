// The Amazon States Language itself: structure validation and navigation between states.
export { validateStructure } from './validateStructure';
export { findDocumentSymbols, findStateDefinition, findStateReferences, renameState, SYMBOL_KIND, type StateSymbol, type OffsetRange, type OffsetEdit, type RenameResult } from './navigation';
export { buildModel, type AslModel, type AslMachine, type AslState, type StateReference } from './model';
export { AslCode } from './codes';
