import type { SubscriptionHandler } from '../generated/types.js';

/**
 * Resource subscriptions (capabilities.resources.subscribe), filled in for
 * the conformance suite: remembers the subscribed URIs.
 */
const subscriptions = new Set<string>();

export const subscribe: SubscriptionHandler = async (uri) => {
  subscriptions.add(uri);
};

export const unsubscribe: SubscriptionHandler = async (uri) => {
  subscriptions.delete(uri);
};
