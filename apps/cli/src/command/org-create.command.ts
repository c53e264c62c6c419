import { OrganisationKind } from '@app/persistence';
import { OrganisationService } from '@app/tenancy';
import { Command, Option } from 'commander';
import { withCliContext } from '../cli-context';

interface OrgCreateOptions {
  kind: OrganisationKind;
  territory: string[];
  ownerEmail?: string;
  ownerName?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) =>
  previous.concat(
    value
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
  );

export function orgCreateCommand(): Command {
  return new Command('org:create')
    .description(
      "Crée une organisation et son propriétaire, et affiche une clé d'API (une seule fois)",
    )
    .argument('<name>', 'nom de l’organisation, ex. "EPN Les Olympiades"')
    .addOption(
      new Option('--kind <kind>', 'structure ou collectif')
        .choices(['structure', 'collectif'])
        .makeOptionMandatory(),
    )
    .option(
      '--territory <codes>',
      'codes INSEE : commune (63113), EPCI (SIREN 246300701), département (75, 2A), région (R11) ou FR ; répétable ou séparés par des virgules',
      collect,
      [],
    )
    .option('--owner-email <email>', 'e-mail du propriétaire')
    .option('--owner-name <name>', 'nom du propriétaire')
    .option('--json', 'affiche { "organisationId", "apiKey" } en JSON sur stdout, pour les scripts')
    .action(async (name: string, options: OrgCreateOptions) => {
      const created = await withCliContext(({ app }) =>
        app.get(OrganisationService).create({
          name,
          kind: options.kind,
          territory: options.territory,
          ownerEmail: options.ownerEmail,
          ownerName: options.ownerName,
        }),
      );
      if (options.json) {
        process.stdout.write(
          JSON.stringify({ organisationId: created.organisation.id, apiKey: created.apiKey }) +
            '\n',
        );
        return;
      }
      process.stdout.write(
        [
          `Organisation créée : ${created.organisation.name} (${created.organisation.kind})`,
          `  id         ${created.organisation.id}`,
          `  territoire ${created.organisation.territory.join(', ') || '—'}`,
          `  clé d'API  ${created.apiKey}`,
          '',
          'Conservez cette clé maintenant : elle ne sera plus jamais affichée (seule son empreinte est stockée).',
          `Essai : curl -H "Authorization: Bearer ${created.apiKey}" http://127.0.0.1:3000/api/organisations/me`,
          '',
        ].join('\n'),
      );
    });
}
