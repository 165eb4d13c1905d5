/** Types for bin/launch.js (plain JavaScript, so that it runs before anything is compiled). */
export declare const STAMP: string;
export declare function buildIsCurrent(): boolean;
export declare function launch(entry: 'main' | 'cli'): Promise<unknown>;
