type GlobalWithDatabase = typeof globalThis & {
  vigieTestDatabase?: { users: number; stop(): Promise<void> };
};

// Jest loads global setup and teardown through their default export.
// eslint-disable-next-line no-restricted-syntax
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as GlobalWithDatabase;
  if (!state.vigieTestDatabase) return;
  state.vigieTestDatabase.users--;
  if (state.vigieTestDatabase.users > 0) return;
  await state.vigieTestDatabase.stop();
  state.vigieTestDatabase = undefined;
}
