/** The part of madge's API that check-cycles.ts uses (madge ships no types). */
declare module 'madge' {
  interface MadgeResult {
    /** Each cycle as the files in it, relative to the scanned folder. */
    circular(): string[][];
    /** Every file with the files it imports. */
    obj(): Record<string, string[]>;
  }
  export default function madge(
    path: string,
    config?: { fileExtensions?: string[]; tsConfig?: string },
  ): Promise<MadgeResult>;
}
