package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.StorageMetaData;

import java.util.Collection;

/**
 * Passes everything on to {@code router} and, once {@code router.putUpdate} has returned for a chaoswatch record,
 * prints {@code prefix + timestamp} on standard output: how a forked JVM tells its parent what it has stored
 * (a storage that commits before returning) or handed on (DL4J's remote router, which only queues).
 */
record PrintingRouter(StatsStorageRouter router, String prefix) implements StatsStorageRouter {

    @Override
    public void putStorageMetaData(StorageMetaData metaData) {
        router.putStorageMetaData(metaData);
    }

    @Override
    public void putStorageMetaData(Collection<? extends StorageMetaData> metaData) {
        router.putStorageMetaData(metaData);
    }

    @Override
    public void putStaticInfo(Persistable staticInfo) {
        router.putStaticInfo(staticInfo);
    }

    @Override
    public void putStaticInfo(Collection<? extends Persistable> staticInfo) {
        router.putStaticInfo(staticInfo);
    }

    @Override
    public void putUpdate(Persistable update) {
        router.putUpdate(update);
        if (ChaosRecord.TYPE_ID.equals(update.getTypeID())) {
            System.out.println(prefix + update.getTimeStamp());
            System.out.flush();
        }
    }

    @Override
    public void putUpdate(Collection<? extends Persistable> updates) {
        updates.forEach(this::putUpdate);
    }
}
