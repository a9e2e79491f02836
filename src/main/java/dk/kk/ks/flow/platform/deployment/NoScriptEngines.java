package dk.kk.ks.flow.platform.deployment;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's script engines: none. KS Flow runs no scripts (no script tasks, listeners, conditions or DMN script
 * expressions; the deployment check refuses them), so a script that got into the engine some other way finds no
 * engine to run it: not the engine's built-in JUEL script engine (whose scripts see every Spring bean), nor any other.
 */
final class NoScriptEngines implements ScriptEngineResolver {

    /** A manager that knows no engine (the JDK's would find the JUEL and FEEL engines on the class path). */
    private final ScriptEngineManager manager = new ScriptEngineManager(null) {
        @Override
        public ScriptEngine getEngineByName(String shortName) {
            return null;
        }

        @Override
        public ScriptEngine getEngineByExtension(String extension) {
            return null;
        }

        @Override
        public ScriptEngine getEngineByMimeType(String mimeType) {
            return null;
        }

        @Override
        public java.util.List<ScriptEngineFactory> getEngineFactories() {
            return java.util.List.of();
        }
    };

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        // no script engine is ever added
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return manager;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean useCache) {
        return null;
    }
}
