// The SageMaker APIs a code lens can start from the editor, with the client's command for each.
export const STARTABLE = new Map<string, { title: string; command: string }>([
  ['createTrainingJob', { title: 'Start Training Job', command: 'sagemakerAsl.startTrainingJob' }],
  ['createTransformJob', { title: 'Start Transform Job', command: 'sagemakerAsl.startTransformJob' }],
]);
