/**
 * chaoswatch reports as DL4J storage records ({@code Persistable}, type id "ChaosWatch"), so any
 * {@code StatsStorageRouter} — in memory, file, or remote UI — carries them to the chaoswatch UI page.
 * Depends on the listener's report types and DL4J's storage API.
 */
package io.github.chaoswatch.listeners.storage;
