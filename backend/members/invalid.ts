/** A VALIDATION error naming one field, for checks that need the store (a building, an organisation). */
import { AppError } from '../../shared/errors';

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [field]: message });
}
