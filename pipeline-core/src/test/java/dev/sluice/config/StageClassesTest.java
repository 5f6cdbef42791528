package dev.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class StageClassesTest {
    @Test
    void shouldSayWhichClassIsMissingWhenAStageClassIsThereButItsDependencyIsNot() {
        StageClasses classes = new StageClasses(new WithoutDependency());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classes.kindOf(Dependent.class.getName()));
        assertEquals("class '" + Dependent.class.getName() + "' is on the class path but cannot be loaded: it needs "
                + Dependency.class.getName() + ", which is not on the class path (add the jar that holds it with"
                + " --class-path or class-path:)", e.getMessage());
        assertInstanceOf(NoClassDefFoundError.class, e.getCause());
    }

    @Test
    void shouldSayAClassThatIsNotThereIsNotFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StageClasses(getClass().getClassLoader()).kindOf("com.example.Nope"));
        assertEquals("class 'com.example.Nope' not found on the class path (a class of your own: add its directory"
                + " or jar with --class-path or class-path:)", e.getMessage());
    }

    /** What a stage depends on (a library jar, say). */
    public static class Dependency {
    }

    /** A stage class whose superclass is in a jar left off the class path. */
    public static class Dependent extends Dependency {
    }

    /** Has {@link Dependent} but not {@link Dependency}, as a class path missing a stage's library jar would. */
    private static final class WithoutDependency extends ClassLoader {
        WithoutDependency() {
            super(StageClassesTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(Dependency.class.getName())) {
                throw new ClassNotFoundException(name);
            }
            if (!name.equals(Dependent.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
