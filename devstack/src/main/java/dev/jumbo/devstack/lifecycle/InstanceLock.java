package dev.jumbo.devstack.lifecycle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** One devstack per project root: a second one would fight the first over ports and data directories. */
public final class InstanceLock {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Empty when another process holds the lock. The OS releases it when this process ends, however it ends. */
    public static Optional<InstanceLock> tryAcquire(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InstanceLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM
        }
        channel.close();
        return Optional.empty();
    }

    public void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending anyway
        }
    }
}
