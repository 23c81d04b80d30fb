/**
 * Gazetteer files under `config/gazetteer/`: provincial units (post-2025, with the 63 former
 * provinces mapped to them), central agencies (with merged former bodies) and officials' titles.
 * Validated with zod; a bad entry fails with file, line, path and reason.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlConfig } from '../../config/yaml-file.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const name = z.string().min(1);

/** One provincial-level unit after 1 July 2025. */
export const provinceUnitSchema = z
  .object({
    id: slug,
    name,
    kind: z.enum(['province', 'city']),
    aliases: z.array(name).default([]),
    /** Former provinces (before 1 July 2025) now part of this unit. */
    formerly: z.array(z.object({ name, aliases: z.array(name).default([]) }).strict()).min(1),
  })
  .strict();

export const provincesFileSchema = z
  .object({ version: z.number().int().min(1), units: z.array(provinceUnitSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const former = new Map<string, string>();
    file.units.forEach((u, i) => {
      if (ids.has(u.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `duplicate unit id "${u.id}"` });
      ids.add(u.id);
      u.formerly.forEach((f, j) => {
        const prev = former.get(f.name);
        if (prev) ctx.addIssue({ code: 'custom', path: ['units', i, 'formerly', j, 'name'], message: `former province "${f.name}" already mapped to "${prev}"` });
        former.set(f.name, u.id);
      });
    });
  });

export const agenciesFileSchema = z
  .object({
    version: z.number().int().min(1),
    agencies: z.array(z.object({ id: slug, name, aliases: z.array(name).default([]), formerly: z.array(name).default([]) }).strict()).min(1),
  })
  .strict();

export const titlesFileSchema = z
  .object({
    version: z.number().int().min(1),
    titles: z.array(z.object({ id: slug, name, aliases: z.array(name).default([]) }).strict()).min(1),
  })
  .strict();

/** All gazetteer files, validated. */
export interface Gazetteer {
  provinces: z.infer<typeof provincesFileSchema>;
  agencies: z.infer<typeof agenciesFileSchema>;
  titles: z.infer<typeof titlesFileSchema>;
}

/**
 * Load `provinces.yaml`, `agencies.yaml` and `titles.yaml` from `<configDir>/gazetteer/`.
 * @throws ConfigError listing every bad entry.
 */
export function loadGazetteer(configDir: string): Gazetteer {
  const dir = join(configDir, 'gazetteer');
  return {
    provinces: loadYamlConfig(join(dir, 'provinces.yaml'), provincesFileSchema),
    agencies: loadYamlConfig(join(dir, 'agencies.yaml'), agenciesFileSchema),
    titles: loadYamlConfig(join(dir, 'titles.yaml'), titlesFileSchema),
  };
}
