/** numeric(p,s) arrives from pg as a string; the API promises JSON numbers (amounts in 万元). */
export const numericTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
