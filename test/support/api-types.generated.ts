// Generated from /api/docs-json by openapi-typescript: do not edit, run `npm run api:types`.
// The contract e2e test fails when this file no longer matches the document.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["OrganisationController_update"];
        trace?: never;
    };
    "/api/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationController_findOne"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation’s API keys (prefixes only) */
        get: operations["ApiKeyController_list"];
        put?: never;
        post: operations["ApiKeyController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ApiKeyController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SourceController_list"];
        put?: never;
        post: operations["SourceController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SourceController_findOne"];
        put: operations["SourceController_update"];
        post?: never;
        delete: operations["SourceController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SourceController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calls scored for your organisation (rules + your own marks)
         * @description Paginated in the body: `total` (all pages), `limit`, `offset`. Counting stops past 1,000 calls (or past the page asked for): `totalIsLowerBound` then says there are more than `total`. The calls you set aside are hidden unless `state` asks for them.
         */
        get: operations["CallController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One call: sources, deadlines, full explanation, history */
        get: operations["CallController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a call relevant or not for your organisation */
        post: operations["CallController_mark"];
        /** Remove your organisation’s mark on a call */
        delete: operations["CallController_unmark"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation’s applications, newest first */
        get: operations["ApplicationController_list"];
        put?: never;
        /** Create an application with its funding lines inline */
        post: operations["ApplicationController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application with its funding lines and status history */
        get: operations["ApplicationController_get"];
        put?: never;
        post?: never;
        delete: operations["ApplicationController_remove"];
        options?: never;
        head?: never;
        patch: operations["ApplicationController_update"];
        trace?: never;
    };
    "/api/applications/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the application along its status graph, with a dated history */
        post: operations["ApplicationController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/funding-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a funding line; answers the whole application */
        post: operations["ApplicationController_addLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/funding-lines/{lineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ApplicationController_removeLine"];
        options?: never;
        head?: never;
        patch: operations["ApplicationController_updateLine"];
        trace?: never;
    };
    "/api/applications/{id}/funding-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gap, EU share above its maximum, LEADER counterpart, money counted twice */
        get: operations["ApplicationController_fundingPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/cofinancing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored open calls that could fill the funding gap, ranked, with reasons */
        get: operations["ApplicationController_cofinancingFor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/treasury": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This application’s own cash plan (as if granted before it is) */
        get: operations["ApplicationController_treasuryOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/treasury.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This application’s cash plan as XLSX (not JSON) */
        get: operations["ApplicationController_treasuryXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/treasury.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This application’s cash plan as CSV (; separator, UTF-8 with BOM) */
        get: operations["ApplicationController_treasuryCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/treasury": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Monthly projection of all the organisation’s applications, with warnings and peak need
         * @description Answers with an ETag; If-None-Match gets 304 while nothing changed. `lines=false` leaves out each month’s movements.
         */
        get: operations["TreasuryController_project"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/treasury/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Opening balance, recurring flows and cash threshold */
        get: operations["TreasuryController_getSettings"];
        put: operations["TreasuryController_putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/treasury/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plan de trésorerie as XLSX (formulas, French formats): structure, one sheet per application, movements */
        get: operations["TreasuryController_exportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/treasury/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plan de trésorerie as CSV (; separator, comma decimals, UTF-8 with BOM) */
        get: operations["TreasuryController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The indicator catalogue, then the organisation’s own indicators */
        get: operations["ImpactController_indicators"];
        put?: never;
        /** Add an indicator of the organisation’s own */
        post: operations["ImpactController_addIndicator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact-references": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reference values of the gain estimates, with sources */
        get: operations["ImpactController_references"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact-references/{referenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Use the organisation’s own value (with its source) for a reference */
        put: operations["ImpactController_setReference"];
        post?: never;
        /** Back to the public reference value */
        delete: operations["ImpactController_removeReference"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dated activity of a dossier */
        get: operations["ImpactController_activity"];
        put?: never;
        /** Record dated activity (all entries or none) */
        post: operations["ImpactController_addActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/activity/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import dated activity from a CSV; a refused file stores nothing and names each line */
        post: operations["ImpactController_importActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/activity/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one activity entry */
        delete: operations["ImpactController_removeActivity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/impact-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funder’s report of one dossier: money, activity, estimated gains */
        get: operations["ImpactController_applicationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/impact-report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same report as a workbook with live formulas */
        get: operations["ImpactController_applicationReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One funder across the organisation’s dossiers over a period */
        get: operations["ImpactController_funderReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact-report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The funder’s report as a workbook with live formulas */
        get: operations["ImpactController_funderReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation’s watch profiles */
        get: operations["WatchProfileController_list"];
        put?: never;
        /** Create a watch profile: what your organisation wants to hear about */
        post: operations["WatchProfileController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WatchProfileController_get"];
        put?: never;
        post?: never;
        delete: operations["WatchProfileController_remove"];
        options?: never;
        head?: never;
        patch: operations["WatchProfileController_update"];
        trace?: never;
    };
    "/api/watches/{id}/matches.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matches (or the `ids` selection) as CSV, not JSON */
        get: operations["WatchProfileController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calls matching the profile, paginated (`total`, `limit`, `offset`) */
        get: operations["WatchProfileController_matches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}/feed-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The profile’s feed tokens (prefixes only; the secret is never shown again) */
        get: operations["WatchProfileController_listTokens"];
        put?: never;
        post: operations["WatchProfileController_issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}/feed-tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["WatchProfileController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/{callId}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your status, notes and follow flag on a call (defaults until set) */
        get: operations["CallStateController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CallStateController_update"];
        trace?: never;
    };
    "/api/collectif/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Memberships your organisation sent (collectif) or received (structure) */
        get: operations["CollectifController_invitations"];
        put?: never;
        /** Invite a structure (by id, name or owner e-mail) into your collectif */
        post: operations["CollectifController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectif/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CollectifController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectif/memberships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CollectifController_sharing"];
        trace?: never;
    };
    "/api/collectif/picks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The picks of your collectif(s), with what each member shares */
        get: operations["CollectifController_picks"];
        put?: never;
        post: operations["CollectifController_pick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectif/picks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["CollectifController_removePick"];
        options?: never;
        head?: never;
        patch: operations["CollectifController_updatePick"];
        trace?: never;
    };
    "/api/collectif/picks/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CollectifController_copy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectif/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CollectifController_digest"];
        put: operations["CollectifController_updateDigest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectif/feed-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A feed token for the collectif’s shared picks */
        post: operations["CollectifController_issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectif/feed-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["CollectifController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        DatabaseHealthView: {
            /** @enum {string} */
            status: "up" | "down";
        };
        WorkersHealthView: {
            /** @description Workers that beat in the last 3 minutes */
            active: number;
            /** Format: date-time */
            lastBeatAt: string | null;
        };
        BackgroundTaskView: {
            /**
             * @description pg-boss queue name
             * @example classification-score
             */
            task: string;
            /** Format: date-time */
            lastRunAt: string | null;
            lastDurationMs: number | null;
            /** @enum {string|null} */
            lastOutcome: "completed" | "failed" | null;
            /** @description Message only, credentials redacted */
            lastError: string | null;
            /** Format: date-time */
            lastErrorAt: string | null;
            queued: number;
            active: number;
        };
        HealthReport: {
            /** @enum {string} */
            status: "ok" | "degraded";
            database: components["schemas"]["DatabaseHealthView"];
            /** @description With the operator token (Bearer METRICS_TOKEN) only */
            workers?: components["schemas"]["WorkersHealthView"];
            /** @description With the operator token only: each background task’s last run */
            tasks?: components["schemas"]["BackgroundTaskView"][];
        };
        OrganisationView: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "structure" | "collectif";
            territory: string[];
            /** @enum {string|null} */
            legalForm: "association" | "commune" | "ccas_cias" | "epci" | "departement" | "region" | "gip" | "scic_scop" | "entreprise_ess" | "etablissement_public" | "entreprise" | "autre" | null;
            /** @example Association (loi 1901) */
            legalFormLabel: string | null;
            createdAt: string;
        };
        UpdateOrganisationDto: {
            /** @example EPN Les Olympiades */
            name?: string;
            /**
             * @description INSEE codes: communes (63113), EPCI by SIREN (246300701), départements (75, 2A, 971), régions prefixed with R (R11), or FR; a GAL is the list of its EPCI and communes
             * @example [
             *       "75"
             *     ]
             */
            territory?: string[];
            /**
             * @description legal form: decides which calls the organisation may apply to; null to unset
             * @example association
             * @enum {string|null}
             */
            legalForm?: "association" | "commune" | "ccas_cias" | "epci" | "departement" | "region" | "gip" | "scic_scop" | "entreprise_ess" | "etablissement_public" | "entreprise" | "autre" | null;
        };
        ApiErrorView: {
            /** @example 400 */
            statusCode: number;
            /**
             * @description Stable code to branch on: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, or a domain code (STALE_VERSION…)
             * @example VALIDATION_FAILED
             */
            code: string;
            /**
             * @description French / English; names the field at fault
             * @example Requête invalide / invalid request: limit must not be greater than 100
             */
            message: string;
            /**
             * Format: uuid
             * @description Quote it to support: the log has the details
             */
            errorId: string;
            /**
             * @description On 400: `errors` lists every field at fault; domain errors add their own keys
             * @example {
             *       "errors": [
             *         "limit must not be greater than 100"
             *       ]
             *     }
             */
            details?: {
                [key: string]: unknown;
            };
        };
        ApiKeyView: {
            /** Format: uuid */
            id: string;
            /** @example Script de la newsletter */
            label: string;
            /** @description first characters, to tell keys apart */
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        CreateApiKeyDto: {
            /** @example Script de la newsletter */
            label: string;
        };
        IssuedApiKeyView: {
            /** Format: uuid */
            id: string;
            /** @example Script de la newsletter */
            label: string;
            /** @description first characters, to tell keys apart */
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description secret: shown once */
            apiKey: string;
        };
        SourceHealthView: {
            lastRunAt?: string | null;
            lastSuccessAt?: string | null;
            lastError?: string | null;
            lastErrorAt?: string | null;
            consecutiveFailures: number;
            /** @description calls read by the last successful run */
            lastItemCount?: number | null;
            /** @description the source used to yield calls and now yields none: its layout probably changed */
            layoutSuspect: boolean;
        };
        SourceView: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "rss" | "opendatasoft" | "json" | "html" | "aides-territoires" | "eu-sedia";
            url: string;
            funder: string;
            territory: string[];
            /** @description cron, Europe/Paris */
            schedule: string;
            enabled: boolean;
            health: components["schemas"]["SourceHealthView"];
            /** @description the whole definition, as in config/sources.yaml */
            definition: Record<string, never>;
            /** @description in French, set while the environment variable holding the source’s secret (auth.secretEnv) is unset: which variable to set and how to get its value; the source does not run meanwhile */
            waitingForToken?: string | null;
        };
        SourceRunView: {
            id: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            /** @enum {string} */
            trigger: "schedule" | "cli" | "api" | "recovery" | "demo";
            startedAt: string;
            finishedAt?: string | null;
            fetched: number;
            created: number;
            changed: number;
            unchanged: number;
            withdrawn: number;
            failed: number;
            requests: number;
            notModified: number;
            errors: Record<string, never>[];
        };
        SourceDetailView: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "rss" | "opendatasoft" | "json" | "html" | "aides-territoires" | "eu-sedia";
            url: string;
            funder: string;
            territory: string[];
            /** @description cron, Europe/Paris */
            schedule: string;
            enabled: boolean;
            health: components["schemas"]["SourceHealthView"];
            /** @description the whole definition, as in config/sources.yaml */
            definition: Record<string, never>;
            /** @description in French, set while the environment variable holding the source’s secret (auth.secretEnv) is unset: which variable to set and how to get its value; the source does not run meanwhile */
            waitingForToken?: string | null;
            /** @description the last runs, newest first */
            runs: components["schemas"]["SourceRunView"][];
        };
        SourceRemovalView: {
            deleted: boolean;
            /** @description true when the source has calls: it is disabled instead of deleted */
            disabled: boolean;
        };
        SourceRunQueuedView: {
            /** @description null when a run of this source was already queued this minute */
            jobId?: string | null;
            queued: boolean;
        };
        CallAmountsView: {
            minCents: number | null;
            maxCents: number | null;
            envelopeCents: number | null;
            /** @description taux d’intervention, % */
            ratePct: number | null;
        };
        ThemeScoreView: {
            /** @example mediation_numerique */
            id: string;
            score: number;
        };
        MyFeedbackView: {
            relevant: boolean;
            /** @description ISO timestamp of the last mark */
            markedAt: string;
        };
        CallListItemView: {
            id: string;
            title: string;
            funders: string[];
            url: string;
            /** @example 2027-03-31 */
            nextDeadline: string | null;
            /** @description au fil de l’eau: no deadline */
            rolling: boolean;
            amounts: components["schemas"]["CallAmountsView"];
            /** @example FSE_PLUS */
            euFund: string | null;
            /** @description detected themes, best first */
            themes: components["schemas"]["ThemeScoreView"][];
            /** @description relevance for your organisation (rules + your marks), 0..1 */
            score: number;
            relevant: boolean;
            /** @description why, in one French sentence */
            reason: string;
            myFeedback: components["schemas"]["MyFeedbackView"] | null;
        };
        CallListView: {
            /** @description calls matching the filters, all pages; when `totalIsLowerBound`, at least this many (counting stops past 1,000 calls, or past the end of the page asked for if further) */
            total: number;
            /** @description true when counting stopped: there are more than `total` calls (page on until a page comes back shorter than `limit`) */
            totalIsLowerBound: boolean;
            limit: number;
            offset: number;
            items: components["schemas"]["CallListItemView"][];
        };
        CallDocumentView: {
            url: string;
            title?: string;
        };
        CallDeadlineView: {
            /** @example 2027-03-31 */
            date: string;
            /** @example 12:00 */
            time?: string;
            /** @example 2e session */
            label?: string;
        };
        CallSourceView: {
            sourceId: string;
            name: string;
            /** @description the call’s page on that source */
            url: string;
            firstSeenAt: string;
            lastSeenAt: string;
        };
        ExplanationEntryView: {
            /** @description thesaurus concept or rule id, semantic:<theme> or feedback */
            concept: string;
            /** @enum {string} */
            field: "title" | "description" | "funder" | "documents";
            /** @description the words that matched, as written in the call */
            match: string;
            /** @description signed contribution to the relevance */
            weight: number;
            /** @enum {string} */
            kind: "concept" | "proximity" | "negative" | "eligibility" | "semantic" | "feedback";
            theme: string | null;
            /** @description a short passage around the match */
            snippet: string;
        };
        CallClassificationView: {
            /** @description classifier version (code + thesaurus) that made this score */
            version: string;
            score: number;
            relevant: boolean;
            /** @description the shared score, by the rules alone, before your marks */
            sharedScore: number;
            themes: components["schemas"]["ThemeScoreView"][];
            euFund: string | null;
            /** @description every reason, strongest first */
            explanation: components["schemas"]["ExplanationEntryView"][];
            /** @description your feedback model, if any */
            feedbackModel: string | null;
            reason: string;
        };
        EligibilityView: {
            /**
             * @description for your organisation’s legal form; unknown while it has none
             * @enum {string}
             */
            verdict: "eligible" | "not_eligible" | "unknown";
            /** @description your organisation’s legal form */
            legalForm: string | null;
            /** @description beneficiary categories that decided */
            categories: string[];
            /** @description the call’s own words behind the verdict */
            words: string[];
            /** @example Non éligible : réservé aux entreprises (« réservé aux TPE et PME ») */
            summary: string;
        };
        CallEventView: {
            occurredAt: string;
            /** @enum {string} */
            kind: "created" | "changed" | "withdrawn" | "reappeared" | "source_added" | "moved";
            /** @example date limite reportée du 15/03/2027 au 30/04/2027 */
            summary: string;
            /** @description [{ field, from, to }] */
            changes: Record<string, never>[];
            sourceId: string | null;
        };
        CallDetailView: {
            id: string;
            title: string;
            url: string;
            funders: string[];
            descriptionText: string;
            /** @description sanitised HTML */
            descriptionHtml: string | null;
            documents: components["schemas"]["CallDocumentView"][];
            publishedAt: string | null;
            opensAt: string | null;
            deadlines: components["schemas"]["CallDeadlineView"][];
            nextDeadline: string | null;
            rolling: boolean;
            amounts: components["schemas"]["CallAmountsView"];
            aidTypes: string[];
            audiences: string[];
            /** @description INSEE codes */
            territory: string[];
            /** @enum {string} */
            status: "forthcoming" | "open" | "closed" | "withdrawn";
            firstSeenAt: string;
            lastChangedAt: string;
            sources: components["schemas"]["CallSourceView"][];
            classification: components["schemas"]["CallClassificationView"];
            /** @description who may apply, for your organisation */
            eligibility: components["schemas"]["EligibilityView"];
            myFeedback: components["schemas"]["MyFeedbackView"] | null;
            /** @description newest first */
            history: components["schemas"]["CallEventView"][];
        };
        CallFeedbackDto: {
            /** @description true: « pour nous » ; false: « pas pour nous » */
            relevant: boolean;
        };
        FeedbackView: {
            callId: string;
            /** @description null once removed */
            relevant: boolean | null;
            markedAt: string | null;
        };
        ExpenseDto: {
            /** @example 2026-03 */
            month: string;
            /** @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€) */
            amountCents: number;
            label?: string;
            /**
             * @description Date of the signed quote or order
             * @example 2026-02-20
             */
            committedOn?: string;
        };
        IndicatorDto: {
            /**
             * @description people_accompanied, workshops, hours, or your own
             * @example people_accompanied
             */
            key: string;
            /** @example Personnes accompagnées */
            label?: string;
            /** @example 400 */
            planned: number;
            /**
             * @deprecated
             * @description Refused since issue 18: achieved counts are dated activity (POST /api/applications/:id/activity)
             */
            achieved?: number;
        };
        TaskDto: {
            /** @example Bilan intermédiaire FSE+ */
            label: string;
            /** @enum {string} */
            kind: "submission" | "interim_report" | "final_report" | "other";
            /** @example 2026-07-31 */
            dueDate: string;
            done?: boolean;
        };
        InterimPaymentDto: {
            /**
             * @description Share of the line, 0–100
             * @example 30
             */
            pct: number;
            /** @example 6 */
            monthsAfterStart: number;
        };
        PaymentDto: {
            /** @example 2026-03 */
            month: string;
            /**
             * @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€)
             * @example 2160000
             */
            amountCents: number;
        };
        FundingScheduleDto: {
            /** @example 30 */
            advancePct?: number;
            /**
             * @description After signedAt, or the operation start
             * @example 1
             */
            advanceDelayMonths?: number;
            interim?: components["schemas"]["InterimPaymentDto"][];
            /**
             * @description After the operation end
             * @example 9
             */
            balanceDelayMonths?: number;
            /**
             * @description Months from the later of a claim and the co-financer payments it proves to the payment, as the convention announces; default the rules file
             * @example 11
             */
            claimDelayMonths?: number;
            /** @description Used verbatim, instead of the rules */
            payments?: components["schemas"]["PaymentDto"][];
        };
        BridgeDto: {
            /**
             * @description Month the loan is repaid in full
             * @example 2027-12
             */
            endMonth: string;
        };
        ClaimDto: {
            /**
             * @description Day filed (or planned)
             * @example 2027-03-15
             */
            filedOn: string;
            /** @description Not filed yet: filedOn is the planned day */
            planned?: boolean;
            /**
             * @description First month of the expenses it covers
             * @example 2026-04
             */
            periodStart: string;
            /**
             * @description Last month of the expenses it covers
             * @example 2027-01
             */
            periodEnd: string;
            /**
             * @description Expenses presented; default every eligible expense of the period. Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€)
             * @example 4200000
             */
            expensesCents?: number;
            /** @description Co-financer payments it proves: every national co-financer payment received by the claim’s month (default), or the listed ones */
            cofinancing?: "received_by_claim" | {
                line: number;
                /** @example 2027-02 */
                month: string;
            }[];
        };
        FundingLineDto: {
            /** @example Région Auvergne-Rhône-Alpes */
            funder: string;
            /** @enum {string} */
            kind: "FSE_PLUS" | "FEADER_LEADER" | "FEDER" | "INTERREG" | "ERASMUS_PLUS" | "STATE" | "REGION" | "DEPARTMENT" | "MUNICIPALITY" | "CAF" | "FOUNDATION" | "CONSEILLER_NUMERIQUE" | "SELF_FUNDING" | "OTHER" | "BRIDGE_LOAN";
            /**
             * @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€)
             * @example 7200000
             */
            amountCents: number;
            /** @enum {string} */
            status: "planned" | "requested" | "granted" | "received";
            /** @example 2025-12-15 */
            signedAt?: Record<string, never>;
            schedule?: components["schemas"]["FundingScheduleDto"];
            /** @description BRIDGE_LOAN only */
            bridge?: components["schemas"]["BridgeDto"];
            /** @description FSE_PLUS managed by an intermediate body (advance capped) */
            intermediateBody?: boolean;
            /** @description Reimbursement funds only: payment claims, in place of the rule’s periodic ones */
            claims?: components["schemas"]["ClaimDto"][];
        };
        CreateApplicationDto: {
            /**
             * Format: uuid
             * @description The call for projects this answers
             */
            callId?: Record<string, never>;
            /** @example 2026-02-15 */
            submissionDeadline?: Record<string, never>;
            /** @description Default: the total cost spread evenly */
            expenses?: components["schemas"]["ExpenseDto"][];
            indicators?: components["schemas"]["IndicatorDto"][];
            tasks?: components["schemas"]["TaskDto"][];
            /** @enum {string} */
            euArea?: "ile_de_france_rhone_alpes" | "mainland" | "overseas" | "national";
            /**
             * @description Filing receipt (accusé de réception)
             * @example 2025-11-20
             */
            submittedAt?: Record<string, never>;
            /**
             * @description Notification of the grant
             * @example 2025-12-10
             */
            notifiedAt?: Record<string, never>;
            /** @example Parcours numériques vers l’emploi */
            title: string;
            /**
             * @default idea
             * @enum {string}
             */
            status: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed";
            /**
             * @description YYYY-MM or YYYY-MM-DD
             * @example 2026-01
             */
            operationStart: string;
            /** @example 2026-12 */
            operationEnd: string;
            /**
             * @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€)
             * @example 12000000
             */
            totalCostCents: number;
            /** @description Owner or accountant only when not empty */
            fundingLines?: components["schemas"]["FundingLineDto"][];
        };
        StoredFundingLineView: {
            /** Format: uuid */
            id: string;
            /** @example Département du Puy-de-Dôme (FSE+) */
            funder: string;
            /** @enum {string} */
            kind: "FSE_PLUS" | "FEADER_LEADER" | "FEDER" | "INTERREG" | "ERASMUS_PLUS" | "STATE" | "REGION" | "DEPARTMENT" | "MUNICIPALITY" | "CAF" | "FOUNDATION" | "CONSEILLER_NUMERIQUE" | "SELF_FUNDING" | "OTHER" | "BRIDGE_LOAN";
            /**
             * @description Integer cents (150000 = 1 500 €)
             * @example 7200000
             */
            amountCents: number;
            /** @enum {string} */
            status: "planned" | "requested" | "granted" | "received";
            /** @example 2025-12-15 */
            signedAt: string | null;
            schedule: components["schemas"]["FundingScheduleDto"] | null;
            bridge: components["schemas"]["BridgeDto"] | null;
            intermediateBody: boolean;
            /** @description Payment claims of a reimbursement fund (null: the rule’s periodic ones) */
            claims?: components["schemas"]["ClaimDto"][] | null;
        };
        StatusEventEntryView: {
            /** @enum {string|null} */
            from: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed" | null;
            /** @enum {string} */
            to: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed";
            /**
             * @description Day it happened
             * @example 2026-01-15
             */
            at: string;
            byUserId: string | null;
            /** @description ISO timestamp it was recorded */
            recordedAt: string;
        };
        InputWarningDto: {
            /** @example operationEnd */
            path: string;
            /** @enum {string} */
            code: "OPERATION_IN_PAST";
            /** @example Attention : l’opération s’est terminée en décembre 2020, avant le mois en cours (novembre 2026). Si c’est une erreur de saisie, corrigez les dates ; sinon, le dossier est bien enregistré. */
            message: string;
            /** @example The operation ended in 2020-12, before the current month (2026-11): check the dates; the application was saved. */
            messageEn: string;
        };
        ApplicationWrittenDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            callId: string | null;
            /** @example Parcours numériques vers l’emploi */
            title: string;
            /** @enum {string} */
            status: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed";
            /** @example 2026-02-15 */
            submissionDeadline: string | null;
            /** @example 2026-01 */
            operationStart: string;
            /** @example 2026-12 */
            operationEnd: string;
            /**
             * @description Integer cents (150000 = 1 500 €)
             * @example 12000000
             */
            totalCostCents: number;
            /** @description null: the cost spread evenly */
            expenses: components["schemas"]["ExpenseDto"][] | null;
            indicators: components["schemas"]["IndicatorDto"][];
            tasks: components["schemas"]["TaskDto"][];
            /** @enum {string|null} */
            euArea: "ile_de_france_rhone_alpes" | "mainland" | "overseas" | "national" | null;
            submittedAt: string | null;
            notifiedAt: string | null;
            /**
             * @description Send it back (body or If-Match) with the next edit
             * @example 3
             */
            version: number;
            createdAt: string;
            updatedAt: string;
            fundingLines: components["schemas"]["StoredFundingLineView"][];
            /** @description Oldest first */
            history?: components["schemas"]["StatusEventEntryView"][];
            /** @description Accepted but worth checking (an operation whose end month is before the current month, Europe/Paris). Empty when none. Only on create and edit answers. */
            warnings?: components["schemas"]["InputWarningDto"][];
        };
        StoredApplicationView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            callId: string | null;
            /** @example Parcours numériques vers l’emploi */
            title: string;
            /** @enum {string} */
            status: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed";
            /** @example 2026-02-15 */
            submissionDeadline: string | null;
            /** @example 2026-01 */
            operationStart: string;
            /** @example 2026-12 */
            operationEnd: string;
            /**
             * @description Integer cents (150000 = 1 500 €)
             * @example 12000000
             */
            totalCostCents: number;
            /** @description null: the cost spread evenly */
            expenses: components["schemas"]["ExpenseDto"][] | null;
            indicators: components["schemas"]["IndicatorDto"][];
            tasks: components["schemas"]["TaskDto"][];
            /** @enum {string|null} */
            euArea: "ile_de_france_rhone_alpes" | "mainland" | "overseas" | "national" | null;
            submittedAt: string | null;
            notifiedAt: string | null;
            /**
             * @description Send it back (body or If-Match) with the next edit
             * @example 3
             */
            version: number;
            createdAt: string;
            updatedAt: string;
            fundingLines: components["schemas"]["StoredFundingLineView"][];
            /** @description Oldest first */
            history?: components["schemas"]["StatusEventEntryView"][];
            /** @description On create and edit answers only: accepted but worth checking (an operation already over). */
            warnings?: components["schemas"]["InputWarningDto"][];
        };
        UpdateApplicationDto: {
            /**
             * Format: uuid
             * @description The call for projects this answers
             */
            callId?: Record<string, never>;
            /** @example 2026-02-15 */
            submissionDeadline?: Record<string, never>;
            /** @description Default: the total cost spread evenly */
            expenses?: components["schemas"]["ExpenseDto"][];
            indicators?: components["schemas"]["IndicatorDto"][];
            tasks?: components["schemas"]["TaskDto"][];
            /** @enum {string} */
            euArea?: "ile_de_france_rhone_alpes" | "mainland" | "overseas" | "national";
            /**
             * @description Filing receipt (accusé de réception)
             * @example 2025-11-20
             */
            submittedAt?: Record<string, never>;
            /**
             * @description Notification of the grant
             * @example 2025-12-10
             */
            notifiedAt?: Record<string, never>;
            title?: string;
            operationStart?: string;
            operationEnd?: string;
            /** @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€) */
            totalCostCents?: number;
            /** @description The version this edit starts from (or If-Match) */
            version?: number;
        };
        StatusChangeDto: {
            /** @enum {string} */
            status: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed";
            /**
             * @description Day it happened; default today (Europe/Paris)
             * @example 2026-01-15
             */
            at?: string;
            version?: number;
        };
        NewFundingLineDto: {
            /** @example Région Auvergne-Rhône-Alpes */
            funder: string;
            /** @enum {string} */
            kind: "FSE_PLUS" | "FEADER_LEADER" | "FEDER" | "INTERREG" | "ERASMUS_PLUS" | "STATE" | "REGION" | "DEPARTMENT" | "MUNICIPALITY" | "CAF" | "FOUNDATION" | "CONSEILLER_NUMERIQUE" | "SELF_FUNDING" | "OTHER" | "BRIDGE_LOAN";
            /**
             * @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€)
             * @example 7200000
             */
            amountCents: number;
            /** @enum {string} */
            status: "planned" | "requested" | "granted" | "received";
            /** @example 2025-12-15 */
            signedAt?: Record<string, never>;
            schedule?: components["schemas"]["FundingScheduleDto"];
            /** @description BRIDGE_LOAN only */
            bridge?: components["schemas"]["BridgeDto"];
            /** @description FSE_PLUS managed by an intermediate body (advance capped) */
            intermediateBody?: boolean;
            /** @description Reimbursement funds only: payment claims, in place of the rule’s periodic ones */
            claims?: components["schemas"]["ClaimDto"][];
            /** @description The application version this edit starts from (or If-Match) */
            version?: number;
        };
        UpdateFundingLineDto: {
            funder?: string;
            /** @enum {string} */
            kind?: "FSE_PLUS" | "FEADER_LEADER" | "FEDER" | "INTERREG" | "ERASMUS_PLUS" | "STATE" | "REGION" | "DEPARTMENT" | "MUNICIPALITY" | "CAF" | "FOUNDATION" | "CONSEILLER_NUMERIQUE" | "SELF_FUNDING" | "OTHER" | "BRIDGE_LOAN";
            /** @description Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€) */
            amountCents?: number;
            /** @enum {string} */
            status?: "planned" | "requested" | "granted" | "received";
            signedAt?: Record<string, never>;
            schedule?: components["schemas"]["FundingScheduleDto"];
            bridge?: components["schemas"]["BridgeDto"];
            intermediateBody?: boolean;
            claims?: components["schemas"]["ClaimDto"][];
            /** @description The application version this edit starts from (or If-Match) */
            version?: number;
        };
        EuShareView: {
            /** @enum {string} */
            kind: "FSE_PLUS" | "FEADER_LEADER" | "FEDER" | "INTERREG" | "ERASMUS_PLUS" | "STATE" | "REGION" | "DEPARTMENT" | "MUNICIPALITY" | "CAF" | "FOUNDATION" | "CONSEILLER_NUMERIQUE" | "SELF_FUNDING" | "OTHER" | "BRIDGE_LOAN";
            /** @description Integer cents (150000 = 1 500 €) */
            amountCents: number;
            /**
             * @description Share of the total cost, %
             * @example 60
             */
            ratePct: number;
            /** @description Maximum for the area, % */
            maxRatePct: number | null;
        };
        TreasuryWarningView: {
            /** @enum {string} */
            code: "CASH_NEGATIVE" | "CASH_BELOW_THRESHOLD" | "EU_PREFINANCING" | "COFINANCING_GAP" | "EU_RATE_ABOVE_MAX" | "LEADER_COFINANCER_MISSING" | "SINGLE_FINAL_PAYMENT" | "ADVANCE_REPAYMENT_RISK" | "EXPENSE_BEFORE_SUBMISSION" | "STATE_PAYMENT_LATE" | "DEADLINE_SOON" | "REPORT_DUE" | "BRIDGE_TOO_SHORT" | "CLAIM_UNMATCHED" | "DOUBLE_FUNDING";
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            /** @example 2026-04 */
            month: string | null;
            applicationId: string | null;
            fundingLineId: string | null;
            amountCents: number | null;
            /** @description French: the fact, then what to do next */
            message: string;
        };
        FundingPlanView: {
            applicationId: string;
            /** @description Integer cents (150000 = 1 500 €) */
            totalCostCents: number;
            /** @description Every line except loans, self-funding included */
            fundedCents: number;
            selfFundingCents: number;
            /** @description Granted or received lines plus self-funding */
            securedCents: number;
            /** @description Planned or requested lines */
            unsecuredCents: number;
            /** @description Total cost no line covers (0 when covered) */
            gapCents: number;
            /** @description Lines above the total cost (0 when not) */
            surplusCents: number;
            euShares: components["schemas"]["EuShareView"][];
            issues: components["schemas"]["TreasuryWarningView"][];
        };
        CofinancingCandidateView: {
            /** Format: uuid */
            callId: string;
            title: string;
            url: string;
            funders: string[];
            /** @example open */
            status: string;
            nextDeadline: string | null;
            rolling: boolean;
            territory: string[];
            amountMaxCents: number | null;
            score: number;
            /** @description French, strongest first */
            reasons: string[];
        };
        CofinancingView: {
            applicationId: string;
            /** @description Integer cents (150000 = 1 500 €) */
            gapCents: number;
            /**
             * @description Calls must close before this day
             * @example 2026-01-01
             */
            operationStartsOn: string;
            candidates: components["schemas"]["CofinancingCandidateView"][];
        };
        TreasuryMovementView: {
            applicationId: string | null;
            fundingLineId: string | null;
            /** @enum {string|null} */
            kind: "FSE_PLUS" | "FEADER_LEADER" | "FEDER" | "INTERREG" | "ERASMUS_PLUS" | "STATE" | "REGION" | "DEPARTMENT" | "MUNICIPALITY" | "CAF" | "FOUNDATION" | "CONSEILLER_NUMERIQUE" | "SELF_FUNDING" | "OTHER" | "BRIDGE_LOAN" | null;
            label: string;
            /** @enum {string} */
            direction: "in" | "out";
            /** @description Positive; `direction` says which way */
            amountCents: number;
        };
        TreasuryMonthView: {
            /** @example 2026-01 */
            month: string;
            openingCents: number;
            inflowsCents: number;
            outflowsCents: number;
            closingCents: number;
            /** @description Absent from GET /api/treasury?lines=false */
            lines?: components["schemas"]["TreasuryMovementView"][];
        };
        PeakNeedView: {
            month: string | null;
            /** @description Lowest closing balance below zero; 0 when never negative */
            amountCents: number;
        };
        TreasuryProjectionView: {
            months: components["schemas"]["TreasuryMonthView"][];
            warnings: components["schemas"]["TreasuryWarningView"][];
            peakNeed: components["schemas"]["PeakNeedView"];
        };
        RecurringFlowDto: {
            /** @example Salaires et charges */
            label: string;
            /** @enum {string} */
            direction: "in" | "out";
            /**
             * @description Integer cents per month
             * @example 1800000
             */
            amountCents: number;
            /** @example 2026-01 */
            fromMonth?: string;
            /** @example 2027-12 */
            toMonth?: string;
        };
        TreasurySettingsView: {
            /**
             * @description Integer cents; may be negative
             * @example 3000000
             */
            openingBalanceCents: number;
            /** @example 2026-01 */
            openingMonth: string;
            recurring: components["schemas"]["RecurringFlowDto"][];
            /**
             * @description Cash threshold, integer cents
             * @example 1000000
             */
            minimumCashCents: number;
            /**
             * @description 0 until first saved; send it back with an edit
             * @example 3
             */
            version: number;
            /** @description False while running on the defaults */
            configured: boolean;
        };
        TreasurySettingsDto: {
            /**
             * @description Integer cents; may be negative (overdraft)
             * @example 3000000
             */
            openingBalanceCents: number;
            /** @example 2026-01 */
            openingMonth: string;
            recurring?: components["schemas"]["RecurringFlowDto"][];
            /**
             * @description Cash threshold, integer cents
             * @example 1000000
             */
            minimumCashCents?: number;
            /** @description The settings version this edit starts from (or If-Match); 0 = first save */
            version?: number;
        };
        IndicatorAskerDto: {
            /** @example Union européenne – FSE+ */
            funder: string;
            /** @example Indicateur commun de réalisation EECO01 */
            programme: string;
            /** @example Règlement (UE) 2021/1057, annexe I – nombre total de participants */
            reference: string;
        };
        CatalogueIndicatorDto: {
            /** @example people_accompanied */
            key: string;
            /** @example Personnes accompagnées */
            label: string;
            /** @example personnes */
            unit: string;
            definition: string;
            /**
             * @description people: cost per person accompanied; hours: cost per hour
             * @enum {string}
             */
            role?: "people" | "hours";
            askedBy: components["schemas"]["IndicatorAskerDto"][];
            /** @enum {string} */
            origin: "catalogue" | "organisation" | "dossier";
        };
        NewIndicatorDto: {
            /**
             * @description lower case, digits and _
             * @example seniors_visited
             */
            key: string;
            /** @example Seniors visités à domicile */
            label: string;
            /** @example personnes */
            unit: string;
            definition: string;
            /** @example Conférence des financeurs */
            askedBy?: string;
        };
        ReferenceSourceDto: {
            title: string;
            publisher: string;
            url?: string;
            /**
             * @description YYYY, YYYY-MM or YYYY-MM-DD
             * @example 2021-05-11
             */
            published: string;
        };
        ImpactReferenceDto: {
            /** @example are_monthly_average */
            id: string;
            label: string;
            /** @example 1250 */
            value: number;
            /** @example euros par mois */
            unit: string;
            /** @description An amount in euros */
            money: boolean;
            /** @example 2020-06-30 */
            date: string;
            population: string;
            source: components["schemas"]["ReferenceSourceDto"];
            /** @description Why the value is fragile */
            uncertain?: string;
            /** @description The organisation’s own value */
            overridden?: boolean;
        };
        ReferenceOverrideDto: {
            /** @example 1310 */
            value: number;
            /** @example 2025-12-31 */
            date: string;
            population: string;
            /** @description Required: a value without a source is refused */
            source: components["schemas"]["ReferenceSourceDto"];
        };
        ActivityEntryDto: {
            /** Format: uuid */
            id: string;
            /** @example people_accompanied */
            indicator: string;
            /** @example 2026-03 */
            from: string;
            /** @example 2026-03 */
            to: string;
            /** @example 34 */
            count: number;
            note: string | null;
        };
        ActivityEntryInputDto: {
            /**
             * @description A key of GET /api/indicators
             * @example people_accompanied
             */
            indicator: string;
            /**
             * @description First month, inside the operation
             * @example 2026-03
             */
            from: string;
            /**
             * @description Last month; default `from`
             * @example 2026-03
             */
            to?: string;
            /**
             * @description Whole number ≥ 0
             * @example 34
             */
            count: number;
            note?: string;
        };
        NewActivityDto: {
            /** @description All stored, or none */
            entries: components["schemas"]["ActivityEntryInputDto"][];
        };
        ActivityCsvDto: {
            /**
             * @description CSV text, `;` or `,` separated; columns indicateur (key or label), debut, fin (optional), nombre, note (optional)
             * @example indicateur;debut;fin;nombre;note
             *     people_accompanied;2026-01;2026-01;34;
             *
             */
            csv: string;
        };
        ReportApplicationDto: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @example 2026-01 */
            operationStart: string;
            /** @example 2026-12 */
            operationEnd: string;
            /** @description Integer cents (150000 = 1 500 €) */
            totalCostCents: number;
        };
        FunderFiguresDto: {
            /** @example France Travail */
            funder: string;
            /** @description Integer cents (150000 = 1 500 €) */
            amountCents: number;
            /** @description Integer cents (150000 = 1 500 €); received by the end of paidThrough */
            paidCents: number;
            /** @description Integer cents (150000 = 1 500 €); scheduled after paidThrough */
            owedCents: number;
            /**
             * @description Share of the total cost, basis points
             * @example 6000
             */
            shareBasisPoints: number;
            /** @description Integer cents (150000 = 1 500 €) */
            costPerPersonCents: number | null;
            /** @description Integer cents (150000 = 1 500 €) */
            costPerHourCents: number | null;
        };
        IndicatorMonthDto: {
            /** @example 2026-03 */
            month: string;
            plannedCumulative: number | null;
            achievedCumulative: number;
        };
        IndicatorFiguresDto: {
            key: string;
            label: string;
            unit: string;
            planned: number | null;
            achieved: number;
            months: components["schemas"]["IndicatorMonthDto"][];
        };
        EstimateFactorDto: {
            referenceId: string;
            label: string;
            value: number;
            unit: string;
            money: boolean;
            overridden: boolean;
        };
        AttributedEstimateDto: {
            funder: string;
            /** @description Integer cents (150000 = 1 500 €) */
            attributedCents: number;
        };
        EstimateFiguresDto: {
            id: string;
            label: string;
            beneficiary: string;
            indicator: string;
            indicatorLabel: string;
            count: number;
            factors: components["schemas"]["EstimateFactorDto"][];
            /** @description The formula in words */
            words: string;
            /** @description The formula with its numbers */
            numbers: string;
            /** @description Integer cents (150000 = 1 500 €) */
            totalCents: number;
            byFunder: components["schemas"]["AttributedEstimateDto"][];
            caveat: string | null;
        };
        ImpactReportDto: {
            /** @enum {string} */
            kind: "application" | "funder";
            title: string;
            /** @example 2026-01 */
            from: string;
            /** @example 2026-12 */
            to: string;
            /**
             * @description Payments up to this month count as paid
             * @example 2026-11
             */
            paidThrough: string;
            applications: components["schemas"]["ReportApplicationDto"][];
            /** @description Integer cents (150000 = 1 500 €) */
            totalCostCents: number;
            funders: components["schemas"]["FunderFiguresDto"][];
            indicators: components["schemas"]["IndicatorFiguresDto"][];
            peopleAccompanied: number;
            hours: number;
            /** @description Integer cents (150000 = 1 500 €) */
            costPerPersonCents: number | null;
            /** @description Integer cents (150000 = 1 500 €) */
            costPerHourCents: number | null;
            /** @description Estimates, each labelled as one */
            estimates: components["schemas"]["EstimateFiguresDto"][];
            references: components["schemas"]["ImpactReferenceDto"][];
            notes: string[];
        };
        DigestRecipientStatusView: {
            /** @example direction@epn.example */
            email: string;
            /** @enum {string} */
            status: "member" | "pending" | "confirmed" | "unsubscribed";
            /** @example en attente de confirmation */
            label: string;
        };
        WatchProfileView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /** @example Médiation numérique 63 */
            name: string;
            /**
             * @description empty = any
             * @example [
             *       "mediation_numerique"
             *     ]
             */
            themes: string[];
            includeKeywords: string[];
            excludeKeywords: string[];
            /** @description INSEE codes; empty = anywhere */
            territories: string[];
            audiences: string[];
            euFunds: string[];
            /** @description integer cents */
            minAmountCents: number | null;
            minScore: number | null;
            deadlineHorizonDays: number | null;
            /** @enum {string} */
            digestFrequency: "weekly" | "daily" | "none";
            /** @description empty = every user with an e-mail */
            digestRecipients: string[];
            digestRecipientStatuses: components["schemas"]["DigestRecipientStatusView"][];
            /** Format: date-time */
            feedChangedAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateWatchProfileDto: {
            /** @example Médiation numérique 63 */
            name: string;
            /**
             * @description thesaurus theme ids
             * @example [
             *       "mediation_numerique"
             *     ]
             */
            themes?: string[];
            /** @example [
             *       "illectronisme"
             *     ] */
            includeKeywords?: string[];
            /** @example [
             *       "machinisme agricole"
             *     ] */
            excludeKeywords?: string[];
            /**
             * @description INSEE codes: communes (63113), EPCI SIREN (246300701), départements (63, 2A), régions (R84), FR
             * @example [
             *       "63"
             *     ]
             */
            territories?: string[];
            /** @example [
             *       "associations"
             *     ] */
            audiences?: string[];
            /** @example [
             *       "FSE_PLUS"
             *     ] */
            euFunds?: string[];
            /**
             * @description integer cents
             * @example 1000000
             */
            minAmountCents?: Record<string, never>;
            /**
             * @description relevance in [0, 1]
             * @example 0.4
             */
            minScore?: Record<string, never>;
            /** @example 90 */
            deadlineHorizonDays?: Record<string, never>;
            /** @enum {string} */
            digestFrequency?: "weekly" | "daily" | "none";
            /** @example [
             *       "direction@epn.example"
             *     ] */
            digestRecipients?: string[];
        };
        UpdateWatchProfileDto: {
            /** @example Médiation numérique 63 */
            name?: string;
            /**
             * @description thesaurus theme ids
             * @example [
             *       "mediation_numerique"
             *     ]
             */
            themes?: string[];
            /** @example [
             *       "illectronisme"
             *     ] */
            includeKeywords?: string[];
            /** @example [
             *       "machinisme agricole"
             *     ] */
            excludeKeywords?: string[];
            /**
             * @description INSEE codes: communes (63113), EPCI SIREN (246300701), départements (63, 2A), régions (R84), FR
             * @example [
             *       "63"
             *     ]
             */
            territories?: string[];
            /** @example [
             *       "associations"
             *     ] */
            audiences?: string[];
            /** @example [
             *       "FSE_PLUS"
             *     ] */
            euFunds?: string[];
            /**
             * @description integer cents
             * @example 1000000
             */
            minAmountCents?: Record<string, never>;
            /**
             * @description relevance in [0, 1]
             * @example 0.4
             */
            minScore?: Record<string, never>;
            /** @example 90 */
            deadlineHorizonDays?: Record<string, never>;
            /** @enum {string} */
            digestFrequency?: "weekly" | "daily" | "none";
            /** @example [
             *       "direction@epn.example"
             *     ] */
            digestRecipients?: string[];
        };
        StoredDeadlineView: {
            /** @example 2027-03-31 */
            date: string;
            /** @example 12:00 */
            time?: string;
            /** @example 2e session */
            label?: string;
        };
        PickRefView: {
            /** Format: uuid */
            id: string;
            annotation: string;
            jointBid: boolean;
        };
        FeedItemView: {
            /** Format: uuid */
            callId: string;
            title: string;
            url: string;
            funders: string[];
            /** @description the first characters of the description */
            excerpt: string;
            score: number;
            themes: string[];
            /** @description the themes in French, in the order of `themes` */
            themeLabels: string[];
            reasons: string[];
            nextDeadline: string | null;
            deadlines: components["schemas"]["StoredDeadlineView"][];
            rolling: boolean;
            amountMinCents: number | null;
            amountMaxCents: number | null;
            /** Format: date-time */
            matchedAt: string;
            /** @example date limite reportée au 30 avril 2027 */
            changeSummary: string | null;
            revision: number;
            /** Format: date-time */
            callUpdatedAt: string;
            /** @enum {string} */
            status: "new" | "seen" | "shortlisted" | "dismissed" | "applied";
            follow: boolean;
            /** @description your own notes */
            notes: string | null;
            /** @description collectif picks only */
            pick: components["schemas"]["PickRefView"] | null;
        };
        MatchPageView: {
            /** @description matches for the filters, all pages */
            total: number;
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            items: components["schemas"]["FeedItemView"][];
        };
        FeedTokenView: {
            /** Format: uuid */
            id: string;
            /**
             * @description first characters, to tell tokens apart
             * @example a1b2c3d4
             */
            prefix: string;
            createdAt: string;
        };
        FeedUrlsView: {
            rss: string;
            atom: string;
            json: string;
            ics: string;
        };
        IssuedFeedTokenView: {
            /** Format: uuid */
            id: string;
            /** @description secret: shown once */
            token: string;
            prefix: string;
            feeds: components["schemas"]["FeedUrlsView"];
        };
        CallStateView: {
            /** Format: uuid */
            organisationId: string;
            /** Format: uuid */
            callId: string;
            /** @enum {string} */
            status: "new" | "seen" | "shortlisted" | "dismissed" | "applied";
            notes: string;
            /** @description receive this call’s changes in the digest */
            follow: boolean;
            /**
             * Format: date-time
             * @description absent until the first change
             */
            updatedAt?: string;
        };
        CallStateDto: {
            /** @enum {string} */
            status?: "new" | "seen" | "shortlisted" | "dismissed" | "applied";
            notes?: string;
            follow?: boolean;
        };
        InvitationDto: {
            memberOrganisationId?: string;
            /** @description Nom exact de la structure ou adresse e-mail de sa ou son responsable / the exact name of the structure or its owner’s e-mail */
            member?: string;
        };
        CollectifMembershipView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            collectifId: string;
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            status: "invited" | "accepted";
            shareFollows: boolean;
            shareStatuses: boolean;
            shareNotes: boolean;
            /** Format: date-time */
            invitedAt: string;
            /** Format: date-time */
            acceptedAt: string | null;
        };
        SharingDto: {
            shareFollows?: boolean;
            shareStatuses?: boolean;
            shareNotes?: boolean;
        };
        MemberActivityView: {
            /** Format: uuid */
            organisationId: string;
            name: string;
            /** @description only if the member shares its follows */
            follow?: boolean;
            /**
             * @description only if shared
             * @enum {string}
             */
            status?: "new" | "seen" | "shortlisted" | "dismissed" | "applied";
            /** @description only if shared */
            notes?: string;
        };
        PickFeedItemView: {
            /** Format: uuid */
            callId: string;
            title: string;
            url: string;
            funders: string[];
            /** @description the first characters of the description */
            excerpt: string;
            score: number;
            themes: string[];
            /** @description the themes in French, in the order of `themes` */
            themeLabels: string[];
            reasons: string[];
            nextDeadline: string | null;
            deadlines: components["schemas"]["StoredDeadlineView"][];
            rolling: boolean;
            amountMinCents: number | null;
            amountMaxCents: number | null;
            /** Format: date-time */
            matchedAt: string;
            /** @example date limite reportée au 30 avril 2027 */
            changeSummary: string | null;
            revision: number;
            /** Format: date-time */
            callUpdatedAt: string;
            /** @enum {string} */
            status: "new" | "seen" | "shortlisted" | "dismissed" | "applied";
            follow: boolean;
            /** @description your own notes */
            notes: string | null;
            /** @description collectif picks only */
            pick: components["schemas"]["PickRefView"] | null;
            /** Format: uuid */
            collectifId: string;
            collectifName: string;
            members: components["schemas"]["MemberActivityView"][];
        };
        PickDto: {
            /** @example Convient aux EPN */
            annotation?: string;
            jointBid?: boolean;
            callId: string;
        };
        SharedPickView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            collectifId: string;
            /** Format: uuid */
            callId: string;
            /** @example Convient aux EPN */
            annotation: string;
            jointBid: boolean;
            /** Format: date-time */
            pickedAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PickPatchDto: {
            /** @example Convient aux EPN */
            annotation?: string;
            jointBid?: boolean;
        };
        CollectifDigestView: {
            /** @enum {string} */
            frequency: "weekly" | "daily" | "none";
            /** @description empty = every owner and member */
            recipients: string[];
            recipientStatuses: components["schemas"]["DigestRecipientStatusView"][];
        };
        CollectifDigestDto: {
            /** @enum {string} */
            frequency: "weekly" | "daily" | "none";
            /**
             * @description lower-cased and de-duplicated; empty = every owner and member of the collectif and of its member structures
             * @example [
             *       "coordination@mednum63.example"
             *     ]
             */
            recipients: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header: {
                authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "status": "ok",
                     *       "database": {
                     *         "status": "up"
                     *       }
                     *     } */
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The database does not answer (details in the log). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "status": "degraded",
                     *       "database": {
                     *         "status": "down"
                     *       }
                     *     } */
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
        };
    };
    OrganisationController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    OrganisationController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    OrganisationController_findOne: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApiKeyController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApiKeyController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApiKeyController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, now revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SourceController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceView"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SourceController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description one source, with the fields of config/sources.yaml (id, name, kind, url, funder, territory, schedule, follow, listing, detail, mapping, pagination, enabled, maxPages, query) */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SourceController_findOne: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceDetailView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SourceController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description one source, with the fields of config/sources.yaml (id, name, kind, url, funder, territory, schedule, follow, listing, detail, mapping, pagination, enabled, maxPages, query) */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SourceController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceRemovalView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SourceController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceRunQueuedView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CallController_list: {
        parameters: {
            query?: {
                /** @description words to find in the title, description or funders */
                q?: string;
                /** @description theme id of the thesaurus */
                theme?: string;
                euFund?: string;
                /** @description comma-separated statuses (default: open,forthcoming) */
                status?: ("forthcoming" | "open" | "closed" | "withdrawn")[];
                /** @description true (default): relevant for you; false: the others; all: both */
                relevant?: "true" | "false" | "all";
                /** @description not_dismissed (default): hides the calls you set aside (status dismissed); all: shows them too; set_aside: only those and the calls you marked « pas pour nous »; followed: the calls you follow or shortlisted — as the « pertinents », « tous », « écartés » and « suivis » tabs of /appels */
                state?: "not_dismissed" | "all" | "set_aside" | "followed";
                /** @description next deadline on or before (YYYY-MM-DD) */
                deadlineBefore?: string;
                /** @description next deadline on or after (YYYY-MM-DD) */
                deadlineAfter?: string;
                /** @description a place (commune, EPCI, département, région or FR): calls whose territory covers it — for a commune, also its EPCI, département and région; for a département or EPCI, also the communes and EPCI inside it */
                territory?: string;
                /** @description score (default) or deadline */
                sort?: "score" | "deadline";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "total": 1,
                     *       "totalIsLowerBound": false,
                     *       "limit": 20,
                     *       "offset": 0,
                     *       "items": [
                     *         {
                     *           "id": "6f1c2a4e-8b1d-4c3e-9a57-2d0e5b7c9f10",
                     *           "title": "Appel à projets « Médiation numérique de proximité » 2027",
                     *           "funders": [
                     *             "Région Auvergne-Rhône-Alpes"
                     *           ],
                     *           "url": "https://financeur.example/appels/mediation-2027",
                     *           "nextDeadline": "2027-03-01",
                     *           "rolling": false,
                     *           "amounts": {
                     *             "minCents": null,
                     *             "maxCents": 3000000,
                     *             "envelopeCents": null,
                     *             "ratePct": null
                     *           },
                     *           "euFund": null,
                     *           "themes": [
                     *             {
                     *               "id": "mediation_numerique",
                     *               "score": 0.91
                     *             }
                     *           ],
                     *           "score": 0.87,
                     *           "relevant": true,
                     *           "reason": "Pertinent : médiation numérique, ateliers pour les publics éloignés.",
                     *           "myFeedback": null
                     *         }
                     *       ]
                     *     } */
                    "application/json": components["schemas"]["CallListView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CallController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDetailView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CallController_mark: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallFeedbackDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CallController_unmark: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_list: {
        parameters: {
            query?: {
                status?: "idea" | "preparing" | "submitted" | "granted" | "rejected" | "agreement_signed" | "in_progress" | "reporting" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredApplicationView"][];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplicationDto"];
            };
        };
        responses: {
            /** @description The stored application, with `warnings` (e.g. an operation already over). */
            201: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationWrittenDto"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "id": "0b7d9a51-3c2e-4f6a-8d14-5e9b2c7a1f03",
                     *       "callId": null,
                     *       "title": "Parcours numériques vers l’emploi",
                     *       "status": "granted",
                     *       "submissionDeadline": "2025-11-30",
                     *       "operationStart": "2026-01",
                     *       "operationEnd": "2026-12",
                     *       "totalCostCents": 12000000,
                     *       "expenses": null,
                     *       "indicators": [
                     *         {
                     *           "key": "people_accompanied",
                     *           "label": "Personnes accompagnées",
                     *           "planned": 400
                     *         }
                     *       ],
                     *       "tasks": [
                     *         {
                     *           "label": "Bilan intermédiaire FSE+",
                     *           "kind": "interim_report",
                     *           "dueDate": "2026-07-31"
                     *         }
                     *       ],
                     *       "euArea": "mainland",
                     *       "submittedAt": "2025-11-20",
                     *       "notifiedAt": "2025-12-10",
                     *       "version": 3,
                     *       "createdAt": "2025-10-02T09:14:00.000Z",
                     *       "updatedAt": "2025-12-15T16:40:00.000Z",
                     *       "fundingLines": [
                     *         {
                     *           "id": "5d2e8c1a-7b3f-4e9d-a6c2-1f0b9e8d7c6a",
                     *           "funder": "Département du Puy-de-Dôme (FSE+)",
                     *           "kind": "FSE_PLUS",
                     *           "amountCents": 7200000,
                     *           "status": "granted",
                     *           "signedAt": "2025-12-15",
                     *           "schedule": null,
                     *           "bridge": null,
                     *           "intermediateBody": false
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "from": null,
                     *           "to": "granted",
                     *           "at": "2025-12-10",
                     *           "byUserId": null,
                     *           "recordedAt": "2025-12-10T10:00:00.000Z"
                     *         }
                     *       ]
                     *     } */
                    "application/json": components["schemas"]["StoredApplicationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_remove: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: {
                /** @description Version the edit starts from ("3"); stale → 409 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the edit starts from ("3"); stale → 409 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApplicationDto"];
            };
        };
        responses: {
            /** @description The stored application, with `warnings` (e.g. an operation already over). */
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationWrittenDto"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_changeStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the edit starts from ("3"); stale → 409 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredApplicationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_addLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the edit starts from ("3"); stale → 409 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewFundingLineDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredApplicationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_removeLine: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: {
                /** @description Version the edit starts from ("3"); stale → 409 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredApplicationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_updateLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the edit starts from ("3"); stale → 409 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFundingLineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredApplicationView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_fundingPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingPlanView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_cofinancingFor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CofinancingView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_treasuryOf: {
        parameters: {
            query?: {
                /** @description First month; default the opening month */
                from?: string;
                /** @description 1 to 120; default 24 */
                months?: number;
                scenario?: "expected" | "stress";
                /** @description Count submitted applications as if granted */
                includeSubmitted?: boolean;
                /** @description "Today" for reminders; default today (Europe/Paris) */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreasuryProjectionView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_treasuryXlsx: {
        parameters: {
            query?: {
                /** @description First month; default the opening month */
                from?: string;
                /** @description 1 to 120; default 24 */
                months?: number;
                scenario?: "expected" | "stress";
                /** @description Count submitted applications as if granted */
                includeSubmitted?: boolean;
                /** @description "Today" for reminders; default today (Europe/Paris) */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An XLSX file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ApplicationController_treasuryCsv: {
        parameters: {
            query?: {
                /** @description First month; default the opening month */
                from?: string;
                /** @description 1 to 120; default 24 */
                months?: number;
                scenario?: "expected" | "stress";
                /** @description Count submitted applications as if granted */
                includeSubmitted?: boolean;
                /** @description "Today" for reminders; default today (Europe/Paris) */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    TreasuryController_project: {
        parameters: {
            query?: {
                /** @description First month; default the opening month */
                from?: string;
                /** @description 1 to 120; default 24 */
                months?: number;
                scenario?: "expected" | "stress";
                /** @description Count submitted applications as if granted */
                includeSubmitted?: boolean;
                /** @description "Today" for reminders; default today (Europe/Paris) */
                asOf?: string;
                /** @description false: months without their `lines` (the curve only, a fraction of the bytes); default true */
                lines?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-None-Match to get 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreasuryProjectionView"];
                };
            };
            /** @description Not modified since the ETag sent as If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    TreasuryController_getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreasurySettingsView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    TreasuryController_putSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Settings version the edit starts from; stale → 409 */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TreasurySettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version, quoted ("3"); send it back as If-Match with the next edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreasurySettingsView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    TreasuryController_exportXlsx: {
        parameters: {
            query?: {
                /** @description First month; default the opening month */
                from?: string;
                /** @description 1 to 120; default 24 */
                months?: number;
                scenario?: "expected" | "stress";
                /** @description Count submitted applications as if granted */
                includeSubmitted?: boolean;
                /** @description "Today" for reminders; default today (Europe/Paris) */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An XLSX file (not JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    TreasuryController_exportCsv: {
        parameters: {
            query?: {
                /** @description First month; default the opening month */
                from?: string;
                /** @description 1 to 120; default 24 */
                months?: number;
                scenario?: "expected" | "stress";
                /** @description Count submitted applications as if granted */
                includeSubmitted?: boolean;
                /** @description "Today" for reminders; default today (Europe/Paris) */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CSV file (not JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_indicators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueIndicatorDto"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_addIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewIndicatorDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueIndicatorDto"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_references: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactReferenceDto"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_setReference: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferenceOverrideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactReferenceDto"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_removeReference: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_activity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityEntryDto"][];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_addActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewActivityDto"];
            };
        };
        responses: {
            /** @description The stored entries */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityEntryDto"][];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_importActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityCsvDto"];
            };
        };
        responses: {
            /** @description The stored entries */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityEntryDto"][];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_removeActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_applicationReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactReportDto"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_applicationReportXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_funderReport: {
        parameters: {
            query: {
                /** @description As named in the funding lines */
                funder: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactReportDto"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ImpactController_funderReportXlsx: {
        parameters: {
            query: {
                /** @description As named in the funding lines */
                funder: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchProfileView"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWatchProfileDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchProfileView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchProfileView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its feed tokens */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWatchProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchProfileView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_csv: {
        parameters: {
            query?: {
                sort?: "score" | "deadline" | "recent";
                limit?: number;
                offset?: number;
                minScore?: number;
                /** @description comma-separated statuses; default: all but dismissed */
                status?: string[];
                deadlineBefore?: string;
                /** @description comma-separated call ids (the selection) */
                ids?: string[];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_matches: {
        parameters: {
            query?: {
                sort?: "score" | "deadline" | "recent";
                limit?: number;
                offset?: number;
                minScore?: number;
                /** @description comma-separated statuses; default: all but dismissed */
                status?: string[];
                deadlineBefore?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "total": 1,
                     *       "limit": 50,
                     *       "offset": 0,
                     *       "items": [
                     *         {
                     *           "callId": "6f1c2a4e-8b1d-4c3e-9a57-2d0e5b7c9f10",
                     *           "title": "Fonds inclusion numérique 2027",
                     *           "url": "https://financeur.example/appels/inclusion-2027",
                     *           "funders": [
                     *             "Préfecture du Puy-de-Dôme"
                     *           ],
                     *           "excerpt": "Soutien aux actions de médiation numérique portées par les associations et EPN.",
                     *           "score": 0.8,
                     *           "themes": [
                     *             "mediation_numerique"
                     *           ],
                     *           "themeLabels": [
                     *             "Médiation numérique"
                     *           ],
                     *           "reasons": [
                     *             "thème « Médiation numérique » (correspondance 80 %)",
                     *             "territoire : Puy-de-Dôme"
                     *           ],
                     *           "nextDeadline": "2027-04-15",
                     *           "deadlines": [
                     *             {
                     *               "date": "2027-04-15"
                     *             }
                     *           ],
                     *           "rolling": false,
                     *           "amountMinCents": null,
                     *           "amountMaxCents": 7200000,
                     *           "matchedAt": "2026-11-20T06:02:00.000Z",
                     *           "changeSummary": null,
                     *           "revision": 0,
                     *           "callUpdatedAt": "2026-11-20T06:00:00.000Z",
                     *           "status": "shortlisted",
                     *           "follow": true,
                     *           "notes": "à voir",
                     *           "pick": null
                     *         }
                     *       ]
                     *     } */
                    "application/json": components["schemas"]["MatchPageView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedTokenView"][];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedFeedTokenView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    WatchProfileController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: its feed addresses answer 404 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CallStateController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallStateView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CallStateController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallStateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallStateView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectifMembershipView"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectifMembershipView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectifMembershipView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_sharing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SharingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectifMembershipView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_picks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickFeedItemView"][];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_pick: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PickDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedPickView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Conflict: stale `version` / If-Match (someone saved in between), or a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_removePick: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed from the shared feed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_updatePick: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PickPatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedPickView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_copy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your state on the call: shortlisted, followed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallStateView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_digest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectifDigestView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_updateDigest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectifDigestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectifDigestView"];
                };
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedFeedTokenView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CollectifController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Your role (or platform rights) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Not found, or not visible to your organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
}
