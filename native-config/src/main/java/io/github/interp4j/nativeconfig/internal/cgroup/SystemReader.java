package io.github.interp4j.nativeconfig.internal.cgroup;

import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.CpuLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.MemoryLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.PidsLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link CgroupSnapshot} from the files of a Linux system: {@code /proc/self/mountinfo} and
 * {@code /proc/self/cgroup} to locate the cpu, cpuset, memory and pids controllers (cgroup v1, v2 or
 * hybrid), the CPU, memory and task limit files ({@code pids.max}, {@code pids.current}) of the process's
 * cgroup and each of its ancestors visible in the mount,
 * the effective cpuset, {@code Cpus_allowed_list} of {@code /proc/self/status} and
 * {@code /sys/devices/system/cpu/online}.
 *
 * <p>A controller is taken from cgroup v1 when {@code /proc/self/cgroup} lists it on a v1 hierarchy
 * that has a mount (so hybrid systems, whose {@code cgroup2} mount carries no controllers, use v1);
 * otherwise from cgroup v2 when the {@code 0::} line has a {@code cgroup2} mount whose
 * {@code cgroup.controllers} lists it (a missing {@code cgroup.controllers} is taken as listing it).
 * The process's directory is the mount point plus the cgroup path with the mount root stripped; the
 * walk goes from there up to the mount point, one level per directory.
 *
 * <p>Every file is resolved against a root directory: {@code /} in production, a fixture tree (or a
 * capture made by {@code io.github.interp4j.nativeconfig.cgroup.SystemCapture}) in tests. Missing, empty and malformed files are skipped with a
 * DEBUG log and never cause an exception; without any cgroup file system the snapshot has cpu version 0
 * and no levels. Only regular files are read: the result depends on file contents alone, never on the
 * existence of directories, so that a capture of the files read reproduces the same snapshot.
 *
 * <p>Thread-safety: immutable and stateless; {@link #read()} may be called from any thread, each call
 * reads the files afresh.
 */
public final class SystemReader {
    private static final Logger LOG = LoggerFactory.getLogger(SystemReader.class);

    static final String MOUNTINFO = "proc/self/mountinfo";
    static final String CGROUP = "proc/self/cgroup";
    static final String STATUS = "proc/self/status";
    static final String ONLINE = "sys/devices/system/cpu/online";

    /** The CFS period the kernel uses when {@code cpu.max} holds only a quota. */
    static final long DEFAULT_PERIOD_US = 100_000;
    /** Limits at or above 2^62 bytes are the "unlimited" values of cgroup v1 (e.g. 9223372036854771712). */
    static final long UNLIMITED_THRESHOLD = 1L << 62;
    /** CPU numbers above this are rejected as malformed (the kernel's NR_CPUS is at most 8192). */
    private static final int MAX_CPU_ID = 1 << 20;

    /** Reads a file named by its path relative to the root ({@code proc/self/cgroup}, ...). */
    @FunctionalInterface
    interface FileSource {
        /**
         * @param relativePath a relative path with {@code /} separators
         * @return the file's bytes
         * @throws IOException if it cannot be read
         */
        byte[] read(String relativePath) throws IOException;
    }

    private final Path root;
    private final FileSource files;

    /**
     * Creates a reader of the system below {@code root}.
     *
     * @param root the directory standing for {@code /}: {@code Path.of("/")} for the live system
     * @throws NullPointerException if {@code root} is null
     */
    public SystemReader(Path root) {
        this(root, under(root));
    }

    /** Creates a reader that gets its files from {@code files} ({@link #filesRead(Path)} records through it). */
    SystemReader(Path root, FileSource files) {
        this.root = Objects.requireNonNull(root, "root");
        this.files = Objects.requireNonNull(files, "files");
    }

    /** @return a source reading files below {@code root} */
    static FileSource under(Path root) {
        Objects.requireNonNull(root, "root");
        return rel -> Files.readAllBytes(root.resolve(rel));
    }

    /**
     * Reads below {@code root} exactly as {@link #read()} does and returns every file read successfully,
     * with the exact bytes read (files of {@code /proc} report a size of 0, so they are read fully rather
     * than copied by size). Writing these bytes to the same relative paths below another directory gives a
     * tree that reads to the same snapshot.
     *
     * <p>Cost: one {@link #read()}. Thread-safety: stateless.
     *
     * @param root the directory standing for {@code /}
     * @return relative path ({@code /} separated) to bytes, in the order the files were read
     * @throws NullPointerException if {@code root} is null
     */
    public static Map<String, byte[]> filesRead(Path root) {
        FileSource live = under(root);
        Map<String, byte[]> read = new LinkedHashMap<>();
        new SystemReader(root, rel -> {
            byte[] bytes = live.read(rel);
            read.put(rel, bytes);
            return bytes;
        }).read();
        return read;
    }

    /**
     * Reads the files and returns what they say, without deciding anything.
     *
     * @return the snapshot; never null, never throws for missing or malformed files
     */
    public CgroupSnapshot read() {
        Pass pass = new Pass(readMounts(), readCgroupLines());

        Optional<Location> cpu = pass.locate("cpu");
        int cpuVersion = 0;
        String cpuCgroup = null;
        List<CpuLevel> cpuLevels = List.of();
        if (cpu.isPresent()) {
            cpuVersion = cpu.get().version();
            cpuCgroup = cpu.get().cgroup();
            cpuLevels = readCpuLevels(cpu.get());
        }
        int cpuset = pass.locate("cpuset").map(this::readCpuset).orElse(-1);
        List<MemoryLevel> memory = pass.locate("memory").map(this::readMemoryLevels).orElse(List.of());
        List<PidsLevel> pids = pass.locate("pids").map(this::readPidsLevels).orElse(List.of());

        CgroupSnapshot snapshot = new CgroupSnapshot(cpuVersion, cpuCgroup, cpuLevels, cpuset,
                readCpusAllowed(), readOnline(), memory, pids);
        LOG.debug("Read {} below {}", snapshot, root);
        return snapshot;
    }

    /**
     * Reads only the task limits, as {@link #read()} does (for the checks made before every thread-pool
     * growth, which must see the current {@code pids.current}).
     *
     * <p>Cost: {@code /proc/self/mountinfo}, {@code /proc/self/cgroup} and two small files per level.
     *
     * @return the levels from the process's pids cgroup upwards; empty without a pids controller
     */
    public List<PidsLevel> readPids() {
        return new Pass(readMounts(), readCgroupLines()).locate("pids").map(this::readPidsLevels).orElse(List.of());
    }

    @Override
    public String toString() {
        return "SystemReader{" + root + "}";
    }

    // ---------------------------------------------------------------- locating the controllers

    /** Where a controller's hierarchy is mounted and where the process sits in it. */
    private record Location(int version, String cgroup, String mountRoot, String mountPoint) {}

    /** One directory of a walk: its path relative to the root and its cgroup path. */
    private record Dir(String relative, String cgroup) {
        String file(String name) {
            return join(relative, name);
        }
    }

    /** The state of one {@link #read()} call: the parsed tables and the v2 controller lists read so far. */
    private final class Pass {
        private final List<MountInfoLine> mounts;
        private final List<CgroupLine> groups;
        private final Map<String, Optional<Set<String>>> v2Controllers = new HashMap<>();

        Pass(List<MountInfoLine> mounts, List<CgroupLine> groups) {
            this.mounts = mounts;
            this.groups = groups;
        }

        /** A v1 hierarchy carrying the controller wins over v2 (hybrid setups); empty when neither has it. */
        Optional<Location> locate(String controller) {
            for (CgroupLine g : groups) {
                if (g.hierarchyId() != 0 && g.controllers().contains(controller)) {
                    Optional<MountInfoLine> m = pickMount(g.path(), "cgroup", controller);
                    if (m.isPresent()) {
                        return Optional.of(new Location(1, g.path(), m.get().root(), m.get().mountPoint()));
                    }
                    LOG.debug("cgroup v1 controller {} at {} has no mount in {}", controller, g.path(), MOUNTINFO);
                }
            }
            for (CgroupLine g : groups) {
                if (g.hierarchyId() == 0 && g.controllers().isEmpty()) {
                    Optional<MountInfoLine> m = pickMount(g.path(), "cgroup2", null);
                    if (m.isEmpty()) {
                        LOG.debug("cgroup v2 path {} has no cgroup2 mount in {}", g.path(), MOUNTINFO);
                        return Optional.empty();
                    }
                    Optional<Set<String>> available = v2Controllers.computeIfAbsent(m.get().mountPoint(),
                            mp -> readText(join(relative(mp), "cgroup.controllers"))
                                    .map(t -> Set.copyOf(Arrays.asList(t.trim().split("\\s+")))));
                    if (available.isPresent() && !available.get().contains(controller)) {
                        LOG.debug("cgroup v2 mount {} does not offer controller {} (has {})",
                                m.get().mountPoint(), controller, available.get());
                        return Optional.empty();
                    }
                    return Optional.of(new Location(2, g.path(), m.get().root(), m.get().mountPoint()));
                }
            }
            return Optional.empty();
        }

        /** The first mount of the type (and controller) whose root contains the path, else the first one. */
        private Optional<MountInfoLine> pickMount(String cgroupPath, String fsType, String controller) {
            MountInfoLine fallback = null;
            for (MountInfoLine m : mounts) {
                if (!m.fsType().equals(fsType) || (controller != null && !m.superOptions().contains(controller))) {
                    continue;
                }
                if (relativeComponents(cgroupPath, m.root()).isPresent()) {
                    return Optional.of(m);
                }
                if (fallback == null) {
                    fallback = m;
                }
            }
            return Optional.ofNullable(fallback);
        }
    }

    /**
     * The directories from the process's cgroup up to the mount point. When the cgroup path is not
     * below the mount root (or contains {@code .} or {@code ..}), only the mount point is walked.
     */
    private static List<Dir> walk(Location loc) {
        String mountDir = relative(loc.mountPoint());
        List<String> parts = relativeComponents(loc.cgroup(), loc.mountRoot()).orElseGet(() -> {
            LOG.debug("cgroup path {} is not below mount root {} of {}; using the mount point",
                    loc.cgroup(), loc.mountRoot(), loc.mountPoint());
            return List.of();
        });
        List<Dir> dirs = new ArrayList<>(parts.size() + 1);
        for (int n = parts.size(); n >= 0; n--) {
            String sub = String.join("/", parts.subList(0, n));
            String rel = join(mountDir, sub);
            String cgroup = sub.isEmpty() ? loc.mountRoot()
                    : (loc.mountRoot().equals("/") ? "" : loc.mountRoot()) + "/" + sub;
            dirs.add(new Dir(rel, cgroup));
        }
        return dirs;
    }

    /** The components of {@code path} below {@code mountRoot}, or empty if it is not below it. */
    static Optional<List<String>> relativeComponents(String path, String mountRoot) {
        String rest;
        if (path.equals(mountRoot)) {
            rest = "";
        } else if (mountRoot.equals("/") && path.startsWith("/")) {
            rest = path.substring(1);
        } else if (path.startsWith(mountRoot + "/")) {
            rest = path.substring(mountRoot.length() + 1);
        } else {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String p : rest.split("/")) {
            if (p.equals(".") || p.equals("..")) {
                return Optional.empty();
            }
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return Optional.of(parts);
    }

    /** Joins two relative paths, either of which may be empty. */
    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : name.isEmpty() ? dir : dir + "/" + name;
    }

    /** {@code /sys/fs/cgroup/cpu} becomes {@code sys/fs/cgroup/cpu}. */
    private static String relative(String absolute) {
        int i = 0;
        while (i < absolute.length() && absolute.charAt(i) == '/') {
            i++;
        }
        String rel = absolute.substring(i);
        return rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
    }

    // ---------------------------------------------------------------- limit files

    private List<CpuLevel> readCpuLevels(Location loc) {
        List<CpuLevel> levels = new ArrayList<>();
        for (Dir dir : walk(loc)) {
            Optional<CpuLevel> level = loc.version() == 1 ? readCfsLevel(dir) : readCpuMaxLevel(dir);
            level.ifPresent(levels::add);
        }
        return levels;
    }

    /** v1: {@code cpu.cfs_quota_us} (negative = none) and {@code cpu.cfs_period_us}. */
    private Optional<CpuLevel> readCfsLevel(Dir dir) {
        String quotaFile = dir.file("cpu.cfs_quota_us");
        Optional<String> quotaText = readText(quotaFile);
        if (quotaText.isEmpty()) {
            return Optional.empty();
        }
        String q = quotaText.get().trim();
        long quota;
        if (q.startsWith("-") && parseUnsigned(q.substring(1)).isPresent()) {
            quota = CgroupSnapshot.UNLIMITED;
        } else {
            OptionalLong parsed = parseUnsigned(q);
            if (parsed.isEmpty() || parsed.getAsLong() == 0) {
                return malformed(quotaFile, q);
            }
            quota = parsed.getAsLong();
        }
        String periodFile = dir.file("cpu.cfs_period_us");
        Optional<String> periodText = readText(periodFile);
        if (periodText.isEmpty()) {
            return quota < 0 ? Optional.of(new CpuLevel(dir.cgroup(), quota, -1)) : Optional.empty();
        }
        OptionalLong period = parseUnsigned(periodText.get().trim());
        if (period.isEmpty() || period.getAsLong() == 0) {
            return quota < 0 ? Optional.of(new CpuLevel(dir.cgroup(), quota, -1))
                    : malformed(periodFile, periodText.get().trim());
        }
        return Optional.of(new CpuLevel(dir.cgroup(), quota, period.getAsLong()));
    }

    /** v2: {@code cpu.max} is {@code "$MAX $PERIOD"}, {@code $MAX} being {@code max} or a number. */
    private Optional<CpuLevel> readCpuMaxLevel(Dir dir) {
        String file = dir.file("cpu.max");
        Optional<String> text = readText(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().trim();
        String[] fields = t.split("\\s+");
        if (t.isEmpty() || fields.length > 2) {
            return malformed(file, t);
        }
        long quota;
        if (fields[0].equals("max")) {
            quota = CgroupSnapshot.UNLIMITED;
        } else {
            OptionalLong parsed = parseUnsigned(fields[0]);
            if (parsed.isEmpty() || parsed.getAsLong() == 0) {
                return malformed(file, t);
            }
            quota = parsed.getAsLong();
        }
        long period = DEFAULT_PERIOD_US;
        if (fields.length == 2) {
            OptionalLong parsed = parseUnsigned(fields[1]);
            if (parsed.isEmpty() || parsed.getAsLong() == 0) {
                return malformed(file, t);
            }
            period = parsed.getAsLong();
        }
        return Optional.of(new CpuLevel(dir.cgroup(), quota, period));
    }

    /** v2 {@code memory.max} ({@code max} = none), v1 {@code memory.limit_in_bytes}; >= 2^62 = none. */
    private List<MemoryLevel> readMemoryLevels(Location loc) {
        String name = loc.version() == 1 ? "memory.limit_in_bytes" : "memory.max";
        List<MemoryLevel> levels = new ArrayList<>();
        for (Dir dir : walk(loc)) {
            String file = dir.file(name);
            Optional<String> text = readText(file);
            if (text.isEmpty()) {
                continue;
            }
            String t = text.get().trim();
            if (loc.version() == 2 && t.equals("max")) {
                levels.add(new MemoryLevel(dir.cgroup(), CgroupSnapshot.UNLIMITED));
                continue;
            }
            OptionalLong bytes = parseUnsigned(t);
            if (bytes.isEmpty() || bytes.getAsLong() == 0) {
                malformed(file, t);
                continue;
            }
            long b = bytes.getAsLong();
            levels.add(new MemoryLevel(dir.cgroup(), b >= UNLIMITED_THRESHOLD ? CgroupSnapshot.UNLIMITED : b));
        }
        return levels;
    }

    /**
     * {@code pids.max} ({@code max} = none) and {@code pids.current}, the same names in v1 and v2. A
     * limited level whose {@code pids.current} cannot be read is skipped (its headroom is unknown).
     */
    private List<PidsLevel> readPidsLevels(Location loc) {
        List<PidsLevel> levels = new ArrayList<>();
        for (Dir dir : walk(loc)) {
            String maxFile = dir.file("pids.max");
            Optional<String> text = readText(maxFile);
            if (text.isEmpty()) {
                continue;
            }
            String t = text.get().trim();
            if (t.equals("max")) {
                levels.add(new PidsLevel(dir.cgroup(), CgroupSnapshot.UNLIMITED, readCount(dir.file("pids.current"))));
                continue;
            }
            OptionalLong max = parseUnsigned(t);
            if (max.isEmpty() || max.getAsLong() == 0) {
                malformed(maxFile, t);
                continue;
            }
            long current = readCount(dir.file("pids.current"));
            if (current < 0) {
                LOG.debug("Skipping {}: pids.current unreadable, so its headroom is unknown", maxFile);
                continue;
            }
            levels.add(new PidsLevel(dir.cgroup(), max.getAsLong(), current));
        }
        return levels;
    }

    /** A non-negative count from a file, or -1. */
    private long readCount(String file) {
        Optional<String> text = readText(file);
        if (text.isEmpty()) {
            return -1;
        }
        OptionalLong n = parseUnsigned(text.get().trim());
        if (n.isEmpty()) {
            malformed(file, text.get().trim());
            return -1;
        }
        return n.getAsLong();
    }

    /** The first non-empty, well-formed cpuset CPU list walking up from the process's cgroup, or -1. */
    private int readCpuset(Location loc) {
        List<String> names = loc.version() == 2 ? List.of("cpuset.cpus.effective")
                : List.of("cpuset.effective_cpus", "cpuset.cpus");
        for (Dir dir : walk(loc)) {
            for (String name : names) {
                int n = readCpuListFile(dir.file(name));
                if (n > 0) {
                    return n;
                }
            }
        }
        return -1;
    }

    private int readOnline() {
        return readCpuListFile(ONLINE);
    }

    private int readCpuListFile(String file) {
        Optional<String> text = readText(file);
        if (text.isEmpty()) {
            return -1;
        }
        String t = text.get().trim();
        if (t.isEmpty()) {
            LOG.debug("Skipping empty {}", file);
            return -1;
        }
        int n = countCpuList(t);
        if (n < 0) {
            malformed(file, t);
        }
        return n;
    }

    /** {@code Cpus_allowed_list} of {@code /proc/self/status}, or -1. */
    private int readCpusAllowed() {
        Optional<String> status = readText(STATUS);
        if (status.isEmpty()) {
            return -1;
        }
        for (String line : status.get().split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                String list = line.substring("Cpus_allowed_list:".length()).trim();
                int n = countCpuList(list);
                if (n < 0) {
                    malformed(STATUS, line);
                }
                return n;
            }
        }
        LOG.debug("No Cpus_allowed_list in {}", STATUS);
        return -1;
    }

    // ---------------------------------------------------------------- /proc tables

    private List<MountInfoLine> readMounts() {
        List<MountInfoLine> mounts = new ArrayList<>();
        readText(MOUNTINFO).ifPresent(text -> {
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                MountInfoLine.parse(line).ifPresentOrElse(mounts::add,
                        () -> LOG.debug("Skipping malformed {} line: {}", MOUNTINFO, line));
            }
        });
        return mounts;
    }

    private List<CgroupLine> readCgroupLines() {
        List<CgroupLine> groups = new ArrayList<>();
        readText(CGROUP).ifPresent(text -> {
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                CgroupLine.parse(line).ifPresentOrElse(groups::add,
                        () -> LOG.debug("Skipping malformed {} line: {}", CGROUP, line));
            }
        });
        return groups;
    }

    /**
     * One line of {@code /proc/self/mountinfo}: {@code id parent major:minor root mount-point options
     * [optional fields...] - fstype source super-options}. Root and mount point are unescaped
     * ({@code \040} is a space); a mount point that is not absolute or contains {@code .} or {@code ..}
     * makes the line malformed.
     */
    record MountInfoLine(String root, String mountPoint, String fsType, Set<String> superOptions) {
        static Optional<MountInfoLine> parse(String line) {
            String[] f = line.trim().split("\\s+");
            int sep = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    sep = i;
                    break;
                }
            }
            if (sep < 0 || sep + 3 >= f.length) {
                return Optional.empty();
            }
            String mountPoint = unescape(f[4]);
            if (!canonical(mountPoint)) {
                return Optional.empty();
            }
            return Optional.of(new MountInfoLine(unescape(f[3]), mountPoint, f[sep + 1],
                    Set.copyOf(Arrays.asList(f[sep + 3].split(",")))));
        }

        /** The kernel prints absolute paths without {@code .} or {@code ..}; anything else could escape the root. */
        private static boolean canonical(String path) {
            if (!path.startsWith("/")) {
                return false;
            }
            for (String part : path.split("/")) {
                if (part.equals(".") || part.equals("..")) {
                    return false;
                }
            }
            return true;
        }

        /** Replaces the kernel's octal escapes ({@code \040}, {@code \011}, {@code \012}, {@code \134}). */
        static String unescape(String s) {
            if (s.indexOf('\\') < 0) {
                return s;
            }
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        private static boolean isOctal(String s, int i) {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
        }
    }

    /**
     * One line of {@code /proc/self/cgroup}: {@code hierarchy-id:controller,list:path}. Split on the first
     * two colons only, since the path may contain colons; v2 is {@code 0::path}.
     */
    record CgroupLine(int hierarchyId, List<String> controllers, String path) {
        static Optional<CgroupLine> parse(String line) {
            String l = line.strip();
            int first = l.indexOf(':');
            int second = first < 0 ? -1 : l.indexOf(':', first + 1);
            if (second < 0 || second + 1 >= l.length()) {
                return Optional.empty();
            }
            OptionalLong id = parseUnsigned(l.substring(0, first));
            if (id.isEmpty() || id.getAsLong() > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            String ctl = l.substring(first + 1, second);
            List<String> controllers = ctl.isEmpty() ? List.of() : List.of(ctl.split(","));
            return Optional.of(new CgroupLine((int) id.getAsLong(), controllers, l.substring(second + 1)));
        }
    }

    // ---------------------------------------------------------------- primitive parsing

    /**
     * Counts the CPUs in a kernel CPU list such as {@code 0-3,8,10-11} (7 CPUs); overlaps count once.
     *
     * @param list the list, surrounding whitespace allowed
     * @return the number of distinct CPUs, or -1 if the list is empty or malformed
     */
    static int countCpuList(String list) {
        String t = list.trim();
        if (t.isEmpty()) {
            return -1;
        }
        BitSet cpus = new BitSet();
        for (String part : t.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-');
            OptionalLong lo = parseUnsigned(dash < 0 ? p : p.substring(0, dash));
            OptionalLong hi = dash < 0 ? lo : parseUnsigned(p.substring(dash + 1));
            if (lo.isEmpty() || hi.isEmpty() || lo.getAsLong() > hi.getAsLong() || hi.getAsLong() > MAX_CPU_ID) {
                return -1;
            }
            cpus.set((int) lo.getAsLong(), (int) hi.getAsLong() + 1);
        }
        return cpus.cardinality();
    }

    /** Parses decimal digits; a number too large for a long saturates at {@code Long.MAX_VALUE}. */
    static OptionalLong parseUnsigned(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
    }

    private static <T> Optional<T> malformed(String file, String content) {
        LOG.debug("Skipping malformed {}: '{}'", file, content);
        return Optional.empty();
    }

    /** The file's text, or empty (logged at DEBUG) when it is missing or unreadable. */
    private Optional<String> readText(String relativePath) {
        try {
            return Optional.of(new String(files.read(relativePath), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            LOG.debug("Skipping missing {}", relativePath);
        } catch (IOException | InvalidPathException | SecurityException e) {
            LOG.debug("Skipping unreadable {}: {}", relativePath, e.toString());
        }
        return Optional.empty();
    }
}
