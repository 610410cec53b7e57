package org.arca.tools.storescp;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Study folders and the end of a study, as DCMTK's storescp sees them: an object belongs to
 * the current study when its Study Instance UID equals the previous object's; otherwise, or
 * after -tos seconds without an object, the study has ended (-xcs runs) and the next object
 * opens a new folder: {@code prefix_YYYYMMDD_HHMMSSPPP} (-ss), {@code prefix_StudyUID} (-su),
 * {@code PatientName_YYYYMMDD_HHMMSSPPP} (-sp). An empty prefix drops its '_'.
 */
final class StudySorter implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'_'HHmmssSSS");

    private final StoreScpOptions.Sort mode;
    private final String prefix;
    private final Path outputDir;
    private final String endOfStudyCommand;
    private final CommandRunner runner;
    private final int timeoutSeconds;
    private final ScheduledExecutorService timer;
    private String currentStudy;
    private Path currentDir;
    private CommandRunner.Context lastContext;
    private ScheduledFuture<?> pendingTimeout;

    StudySorter(StoreScpOptions o, CommandRunner runner) {
        this.mode = o.sort;
        this.prefix = o.sortPrefix;
        this.outputDir = o.outputDir;
        this.endOfStudyCommand = o.execOnEndOfStudy;
        this.runner = runner;
        this.timeoutSeconds = o.endOfStudyTimeoutSeconds;
        this.timer = timeoutSeconds > 0 ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storescp-eostudy");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    boolean sorting() {
        return mode != StoreScpOptions.Sort.NONE;
    }

    /**
     * The folder for an object of {@code studyUID}, ending the previous study if this one
     * differs. {@code ctx} is the association's placeholders, kept for the end-of-study command.
     */
    synchronized Path directoryFor(String studyUID, String patientName, LocalDateTime now, CommandRunner.Context ctx) {
        if (currentStudy != null && !currentStudy.equals(studyUID)) {
            endStudy();
        }
        if (currentStudy == null) {
            currentStudy = studyUID;
            currentDir = outputDir.resolve(folderName(studyUID, patientName, now));
        }
        lastContext = ctx;
        if (timer != null) {
            if (pendingTimeout != null) {
                pendingTimeout.cancel(false);
            }
            pendingTimeout = timer.schedule(this::timedOut, timeoutSeconds, TimeUnit.SECONDS);
        }
        return currentDir;
    }

    private synchronized void timedOut() {
        pendingTimeout = null;
        endStudy();
    }

    private void endStudy() {
        if (currentDir != null && endOfStudyCommand != null) {
            CommandRunner.Context c = lastContext;
            runner.run(endOfStudyCommand, new CommandRunner.Context(currentDir.toString(), null,
                    c.callingAET(), c.calledAET(), c.remoteHost()));
        }
        currentStudy = null;
        currentDir = null;
    }

    String folderName(String studyUID, String patientName, LocalDateTime now) {
        switch (mode) {
            case STUDY_UID:
                return prefixed(studyUID);
            case PATIENT_NAME:
                return fileSafe(patientName) + "_" + STAMP.format(now);
            default:
                return prefixed(STAMP.format(now));
        }
    }

    private String prefixed(String s) {
        return prefix.isEmpty() ? s : prefix + "_" + s;
    }

    /**
     * Patient's Name as a folder name: accents dropped, every character other than an ASCII
     * letter or digit becomes '_', "ANONYMOUS" when empty (what DCMTK does).
     */
    static String fileSafe(String name) {
        if (name == null || name.isBlank()) {
            return "ANONYMOUS";
        }
        String base = Normalizer.normalize(name.trim(), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(base.length());
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            boolean ascii = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            sb.append(ascii ? c : '_');
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
