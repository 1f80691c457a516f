/** A browser tab id as webRequest reports it; negative ids mean "not in any tab". */
export type TabId = number;

/** webRequest's request id: a string in Chrome and Firefox alike once normalised. */
export type RequestId = string;
