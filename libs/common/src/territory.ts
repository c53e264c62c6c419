/**
 * French territories by INSEE code. Départements keep their code ("75", "2A", "971"); régions
 * are written with an R prefix ("R84") because their codes collide with départements'
 * ("75" is Paris and Nouvelle-Aquitaine). "FR" is the whole country.
 */
const REGION_NAMES: Record<string, string> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': "Provence-Alpes-Côte d'Azur",
  '94': 'Corse',
};

/** Région of each département (INSEE 2024 geography). */
// prettier-ignore
const DEPARTMENT_REGION: Record<string, string> = {
  '01': '84', '02': '32', '03': '84', '04': '93', '05': '93', '06': '93', '07': '84', '08': '44',
  '09': '76', '10': '44', '11': '76', '12': '76', '13': '93', '14': '28', '15': '84', '16': '75',
  '17': '75', '18': '24', '19': '75', '21': '27', '22': '53', '23': '75', '24': '75', '25': '27',
  '26': '84', '27': '28', '28': '24', '29': '53', '2A': '94', '2B': '94', '30': '76', '31': '76',
  '32': '76', '33': '75', '34': '76', '35': '53', '36': '24', '37': '24', '38': '84', '39': '27',
  '40': '75', '41': '24', '42': '84', '43': '84', '44': '52', '45': '24', '46': '76', '47': '75',
  '48': '76', '49': '52', '50': '28', '51': '44', '52': '44', '53': '52', '54': '44', '55': '44',
  '56': '53', '57': '44', '58': '27', '59': '32', '60': '32', '61': '28', '62': '32', '63': '84',
  '64': '75', '65': '76', '66': '76', '67': '44', '68': '44', '69': '84', '70': '27', '71': '27',
  '72': '52', '73': '84', '74': '84', '75': '11', '76': '28', '77': '11', '78': '11', '79': '75',
  '80': '32', '81': '76', '82': '76', '83': '93', '84': '93', '85': '52', '86': '75', '87': '75',
  '88': '44', '89': '27', '90': '27', '91': '11', '92': '11', '93': '11', '94': '11', '95': '11',
  '971': '01', '972': '02', '973': '03', '974': '04', '976': '06',
};

export type TerritoryLevel = 'country' | 'region' | 'department';

export interface Territory {
  code: string;
  level: TerritoryLevel;
  name?: string;
}

/** Parses one code; returns null when it is not a known territory. */
export function parseTerritory(raw: string): Territory | null {
  const code = raw.trim().toUpperCase();
  if (code === 'FR') return { code, level: 'country', name: 'France' };
  if (/^R\d{2}$/.test(code) && REGION_NAMES[code.slice(1)]) {
    return { code, level: 'region', name: REGION_NAMES[code.slice(1)] };
  }
  const department = /^\d$/.test(code) ? `0${code}` : code;
  if (DEPARTMENT_REGION[department]) return { code: department, level: 'department' };
  return null;
}

/** Normalises a list of codes; throws with the first unknown one named. */
export function normaliseTerritories(codes: string[]): string[] {
  const result: string[] = [];
  for (const raw of codes) {
    const territory = parseTerritory(raw);
    if (!territory) {
      throw new RangeError(
        `Code territoire inconnu « ${raw} » / unknown territory code "${raw}" (expected a département such as 75 or 2A, a région such as R84, or FR)`,
      );
    }
    if (!result.includes(territory.code)) result.push(territory.code);
  }
  return result;
}

/** The région (R-prefixed) a département belongs to. */
export function regionOf(departmentCode: string): string | null {
  const region = DEPARTMENT_REGION[departmentCode];
  return region ? `R${region}` : null;
}

/**
 * Whether a call published for `callTerritory` concerns someone in `place`: a national call
 * concerns everyone; a régional call concerns the départements inside it.
 */
export function territoryCovers(callTerritory: string, place: string): boolean {
  if (callTerritory === 'FR' || callTerritory === place) return true;
  if (place === 'FR') return false;
  if (callTerritory.startsWith('R')) {
    return place.startsWith('R') ? false : regionOf(place) === callTerritory;
  }
  return false;
}

/**
 * The codes a call's territory may hold for it to cover `place` (see `territoryCovers`): the place
 * itself, its région for a département, and FR; null when the place is not a known territory.
 * Lets a query match with one array overlap (`territory && codes`) instead of testing each call.
 */
export function territoriesCovering(place: string): string[] | null {
  const territory = parseTerritory(place);
  if (!territory) return null;
  if (territory.level === 'country') return ['FR'];
  if (territory.level === 'region') return [territory.code, 'FR'];
  const region = regionOf(territory.code);
  return region ? [territory.code, region, 'FR'] : [territory.code, 'FR'];
}
