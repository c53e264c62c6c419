const DEPARTMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;
const REGION = /^R(0[1-6]|1[1]|2[4-8]|3[2]|4[4]|5[23]|7[56]|8[4]|9[34])$/;

/** True for an INSEE département code, an R-prefixed région code, or FR. */
export function isTerritoryCode(code: string): boolean {
  return code === 'FR' || DEPARTMENT.test(code) || REGION.test(code);
}
