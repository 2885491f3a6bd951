import { i18n } from '../i18n/index.ts';
import type { BrokenRecord } from '../persistence/workspaceRepository.ts';
import { WorkspaceRefusal, type FieldProblem } from '../persistence/workspaceErrors.ts';
import { errorMessage } from '../ui/errorMessage.ts';

/** Why a field is refused: in the UI language when its problem has a code, else the schema's words. */
export const fieldProblemReason = (problem: FieldProblem): string =>
  problem.code === undefined
    ? problem.message
    : i18n.t(`fieldProblems.${problem.code}`, { ...problem.params });

/**
 * A refused field in the UI language when its problem has a code (its words
 * name the field); else as the schema wrote it, after the field's path.
 */
export const fieldProblemMessage = (problem: FieldProblem): string =>
  problem.code === undefined && problem.path
    ? `${problem.path}: ${problem.message}`
    : fieldProblemReason(problem);

/**
 * Why a workspace change failed, in the UI language: the refusals by code
 * (a field problem by its own code, else in the schema's English words),
 * storage failures as the flows say them.
 */
export function workspaceMessage(
  error: unknown,
  /** How a phone number is written (the pages that show numbers load the phone library). */
  formatNumber: (e164: string) => string = (e164) => e164,
): string {
  if (error instanceof WorkspaceRefusal) {
    switch (error.code) {
      case 'invalid':
        return i18n.t('workspace.refusal.invalid', {
          problems: (error.params.problems ?? []).map(fieldProblemMessage).join('; '),
        });
      case 'notFound':
        return i18n.t('workspace.refusal.notFound');
      case 'team.defaultWithOthers':
        return i18n.t('workspace.refusal.defaultTeam');
      case 'schedule.inUse':
        return i18n.t('workspace.refusal.scheduleInUse', {
          flows: (error.params.flows ?? []).map((f) => `“${f.name}”`).join(', '),
        });
      case 'team.nameTaken':
        return i18n.t('workspace.refusal.teamNameTaken', {
          existing: error.params.existing?.name ?? '',
        });
      case 'bot.nameTaken':
        return i18n.t('workspace.refusal.botNameTaken', {
          existing: error.params.existing?.name ?? '',
        });
      case 'schedule.nameTaken':
        return i18n.t('workspace.refusal.scheduleNameTaken', {
          existing: error.params.existing?.name ?? '',
        });
      case 'customer.numberTaken': {
        const customer = error.params.customer;
        const number = formatNumber(customer?.number ?? '');
        return customer?.name === undefined
          ? i18n.t('workspace.refusal.customerNumberTakenUnnamed', { number })
          : i18n.t('workspace.refusal.customerNumberTaken', { number, existing: customer.name });
      }
      case 'rule':
        return error.message;
    }
  }
  return errorMessage(error, i18n.t('workspace.failed'));
}

/** A stored record that does not read, said with which field and why. */
export const brokenRecordMessage = (record: BrokenRecord): string =>
  i18n.t('workspace.broken', {
    key: record.key,
    problems: record.problems.map(fieldProblemMessage).join('; '),
  });
