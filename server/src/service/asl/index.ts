// The Amazon States Language itself: structure validation and navigation between states.
export { validateStructure } from './validateStructure';
export { findDocumentSymbols, findStateDefinition, findStateReferences, renameState, SYMBOL_KIND, type StateSymbol, type RenameResult } from './navigation';
export { buildModel, modelOf, isStateMachine, type AslModel, type AslMachine, type AslState, type StateReference, type QueryLanguage } from './model';
export { AslCode } from './codes';
