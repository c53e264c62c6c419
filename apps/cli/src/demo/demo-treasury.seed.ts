import { INestApplicationContext } from '@nestjs/common';

/** Demo applications and treasury settings (issue 5): filled by the treasury work. */
export async function seedDemoTreasury(
  _app: INestApplicationContext,
  _organisationId: string,
): Promise<Record<string, unknown>> {
  return {};
}
