// Writes the worked example workshop shipped beside the app, in French and English:
// assets/examples/workshop-fr.json and workshop-en.json. Three fictional projects, one per
// domain, sharing producers (one spelled three ways) and two needs. The e2e tests load it and
// write down the producers and shared needs they expect: change both together.
// Run: node scripts/example-workshop.mjs
import { writeFile } from "node:fs/promises";

const SCHEMA_VERSION = 8;
// Two years before the file is loaded is still "the past": these dates only order things.
const T = 1767225600000; // 2026-01-01
let n = 0;
const id = (group) => `e0000000-0000-4000-8000-${String(group * 1000 + ++n).padStart(12, "0")}`;

const t = (fr, en) => ({ fr, en });

function source(s) {
  return {
    id: id(9),
    title: s.title,
    link: s.link ?? "",
    producer: s.producer,
    found_where: s.found_where ?? t("data.gouv.fr", "data.gouv.fr"),
    licence: s.licence,
    formats: s.formats,
    access: s.access,
    update_frequency: s.update_frequency ?? "annual",
    last_update: s.last_update ?? "2025-06-30",
    spatial_coverage: s.spatial ?? "matches",
    temporal_coverage: s.temporal ?? "matches",
    quality: s.quality ?? "good",
    documentation: s.documentation ?? "good",
    personal_data: s.personal_data ?? "none",
  };
}

function action(a) {
  return {
    id: id(8),
    route: a.route,
    description: a.description,
    owner: a.owner,
    due: "",
    status: a.status ?? "to_do",
    next_step: a.next_step ?? t("", ""),
    horizon: a.horizon,
  };
}

function wanted(w) {
  return {
    id: id(7),
    name: w.name,
    description: w.description ?? t("", ""),
    use_case: w.use_case,
    theme: w.theme ?? t("", ""),
    value: w.value,
    availability: w.availability ?? null,
    spatial_coverage: w.spatial_coverage ?? t("", ""),
    freshness: w.freshness ?? "annual",
    preferred_format: w.format ?? "csv",
    producer: w.producer,
    status: w.status ?? "searching",
    sources: (w.sources ?? []).map(source),
    actions: (w.actions ?? []).map(action),
  };
}

const projects = [
  {
    id: "e0000000-0000-4000-8000-000000000001",
    name: t("Observatoire des herbiers de la rade", "Harbour seagrass observatory"),
    holder: t("Association Mer Vivante (exemple)", "Living Sea association (example)"),
    domain: "blue_economy",
    description: t("Suivre l'état des herbiers de posidonie de la rade et le partager avec les plongeurs.", "Follow the state of the harbour's seagrass meadows and share it with divers."),
    objectives: t("Une carte publique mise à jour chaque année.", "A public map updated every year."),
    partners: t("Club de plongée, parc marin", "Diving club, marine park"),
    audiences: t("Gestionnaires du littoral, plongeurs, grand public", "Coastal managers, divers, the public"),
    data_work: t("Relevés papier des plongeurs depuis 2015.", "Divers' paper records since 2015."),
    wanted: [
      wanted({
        name: t("Cartographie des herbiers de posidonie", "Posidonia seagrass mapping"),
        use_case: t("Fond de carte de l'observatoire", "Base map of the observatory"),
        value: 4, availability: 2, format: "geojson", producer: "Ifremer",
        sources: [{
          title: t("Herbiers de Méditerranée (2019)", "Mediterranean seagrass (2019)"),
          link: "https://www.data.gouv.fr/", producer: "Ifremer",
          licence: "restrictive", formats: ["pdf"], access: "on_request",
          update_frequency: "irregular", last_update: "2019-03-01", documentation: "poor",
        }],
        actions: [{
          route: "request_opening",
          description: t("Demander la couche SIG à Ifremer", "Ask Ifremer for the GIS layer"),
          owner: "Léa", horizon: "now", status: "in_progress",
        }],
      }),
      wanted({
        name: t("Qualité des eaux de baignade", "Bathing water quality"),
        use_case: t("Croiser l'état des herbiers et la qualité de l'eau", "Compare seagrass health with water quality"),
        value: 3, availability: 4, producer: "ARS PACA",
        sources: [{
          title: t("Qualité des eaux de baignade", "Bathing water quality"),
          link: "https://www.data.gouv.fr/", producer: "ARS PACA",
          licence: "etalab_2_0", formats: ["csv"], access: "direct_download",
        }],
        actions: [{
          route: "reuse",
          description: t("Télécharger les mesures 2020-2025", "Download the 2020-2025 measures"),
          owner: "Marc", horizon: "now", status: "done",
        }],
      }),
      wanted({
        name: t("Trafic maritime de plaisance", "Leisure boat traffic"),
        use_case: t("Repérer les zones de mouillage qui abîment les herbiers", "Find the anchorages that damage the meadows"),
        value: 2, availability: 1, producer: "Région Sud", status: "to_find",
        actions: [{
          route: "partner",
          description: t("Proposer un partenariat aux ports de plaisance", "Offer a partnership to the marinas"),
          owner: "Léa", horizon: "year",
        }],
      }),
    ],
  },
  {
    id: "e0000000-0000-4000-8000-000000000002",
    name: t("Trame verte de la métropole", "Metropolitan green corridors"),
    holder: t("Collectif Nature en ville (exemple)", "Nature in Town collective (example)"),
    domain: "green_economy",
    description: t("Cartographier les continuités écologiques pour orienter les plantations.", "Map ecological corridors to guide tree planting."),
    objectives: t("Un atlas des corridors à proposer aux communes.", "An atlas of corridors to offer the towns."),
    partners: t("Communes, pépiniéristes", "Towns, nurseries"),
    audiences: t("Élus, services espaces verts", "Councillors, parks departments"),
    data_work: t("Inventaires de terrain en tableur.", "Field surveys in spreadsheets."),
    wanted: [
      wanted({
        name: t("Occupation du sol", "Land cover map"),
        use_case: t("Repérer les espaces verts et les ruptures", "Find green spaces and breaks"),
        value: 4, availability: 3, format: "shapefile", producer: "REGION SUD",
        sources: [{
          title: t("Occupation du sol régionale (2020)", "Regional land cover (2020)"),
          link: "https://www.data.gouv.fr/", producer: "REGION SUD",
          licence: "odbl", formats: ["shapefile"], access: "direct_download",
          update_frequency: "irregular", last_update: "2020-12-01",
        }],
        actions: [{
          route: "reuse",
          description: t("Intégrer la couche 2020 à l'atlas", "Add the 2020 layer to the atlas"),
          owner: "Sofia", horizon: "three_months",
        }],
      }),
      wanted({
        name: t("Inventaire des arbres d'alignement", "Street tree inventory"),
        use_case: t("Relier les alignements aux parcs", "Link street trees to parks"),
        value: 3, availability: 2, producer: "Métropole Aix-Marseille-Provence",
        sources: [{
          title: t("Arbres de la ville (tableur)", "City trees (spreadsheet)"),
          producer: "Métropole Aix-Marseille-Provence",
          licence: "unknown", formats: ["xls"], access: "on_request",
          documentation: "poor", found_where: t("Atelier 2", "Workshop 2"),
        }],
        actions: [{
          route: "request_opening",
          description: t("Demander l'inventaire complet", "Ask for the full inventory"),
          owner: "Sofia", horizon: "three_months",
        }],
      }),
      wanted({
        name: t("Cartographie des herbiers marins", "Seagrass mapping of the coast"),
        use_case: t("Prolonger la trame verte en mer (trame bleue)", "Extend the corridors into the sea"),
        value: 1, availability: 2, producer: "IFREMER",
        actions: [{
          route: "collect",
          description: t("Reprendre les relevés de l'observatoire", "Reuse the observatory's surveys"),
          owner: "Yanis", horizon: "year",
        }],
      }),
    ],
  },
  {
    id: "e0000000-0000-4000-8000-000000000003",
    name: t("Festival des sons de la mer", "Sounds of the Sea festival"),
    holder: t("Compagnie Écoute (exemple)", "Listening Company (example)"),
    domain: "creative_industries",
    description: t("Des parcours sonores sur le littoral, composés à partir de données.", "Sound walks along the coast, composed from data."),
    objectives: t("Six parcours et une carte en ligne.", "Six walks and an online map."),
    partners: t("Office de tourisme", "Tourist office"),
    audiences: t("Habitants, visiteurs", "Residents, visitors"),
    data_work: t("Aucune donnée pour l'instant.", "No data yet."),
    wanted: [
      wanted({
        name: t("Fréquentation des plages", "Beach attendance"),
        use_case: t("Choisir les heures des parcours", "Choose the walks' times"),
        value: 3, availability: 1, producer: "Métropole Aix-Marseille-Provence", status: "to_find",
        actions: [{
          route: "request_opening",
          description: t("Demander les comptages d'été", "Ask for the summer counts"),
          owner: "Inès", horizon: "now",
        }],
      }),
      wanted({
        name: t("Occupation du sol", "Land cover map"),
        use_case: t("Dessiner le fond de carte des parcours", "Draw the walks' base map"),
        value: 2, availability: 3, producer: "Region  Sud",
        sources: [{
          title: t("Occupation du sol régionale (2020)", "Regional land cover (2020)"),
          link: "https://www.data.gouv.fr/", producer: "Region  Sud",
          licence: "odbl", formats: ["shapefile"], access: "direct_download",
          update_frequency: "irregular", last_update: "2020-12-01",
        }],
        actions: [{
          route: "reuse",
          description: t("Simplifier la couche pour la carte", "Simplify the layer for the map"),
          owner: "Inès", horizon: "year",
        }],
      }),
    ],
  },
];

const workshop = {
  id: "e0000000-0000-4000-8000-000000000100",
  name: t("Atelier d'exemple — Dat'accélère Marseille", "Example workshop — Dat'accélère Marseille"),
  starts_on: "2026-03-10",
  ends_on: "2026-05-12",
  place: t("Marseille", "Marseille"),
  facilitators: t("Camille, Youssef (fictifs)", "Camille, Youssef (fictional)"),
  members: projects.map((p) => ({ id: p.id, flagship: false, flagship_reason: "" })),
  example: true,
  created_at: T,
  updated_at: T,
};

/** Picks one language out of every `{fr, en}` in the tree. */
function localise(value, lang) {
  if (Array.isArray(value)) return value.map((v) => localise(v, lang));
  if (value && typeof value === "object") {
    if (Object.keys(value).length === 2 && "fr" in value && "en" in value) return value[lang];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localise(v, lang)]));
  }
  return value;
}

for (const lang of ["fr", "en"]) {
  const dated = projects.map((p, i) => ({ ...p, created_at: T, updated_at: T + i }));
  const document = {
    format: "data-roadmap",
    schema_version: SCHEMA_VERSION,
    exported_at: T,
    projects: localise(dated, lang),
    workshops: [localise(workshop, lang)],
  };
  const path = new URL(`../assets/examples/workshop-${lang}.json`, import.meta.url);
  await writeFile(path, JSON.stringify(document, null, 2) + "\n");
  console.log(`wrote ${path.pathname}`);
}
