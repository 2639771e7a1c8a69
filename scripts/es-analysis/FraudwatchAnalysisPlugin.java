package org.fraudwatch.analysis;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers Lucene's Russian and English analyzers as "fw_russian" and "fw_english".
 *
 * The integ-test-zip distribution of Elasticsearch ships without the analysis-common
 * module (where the stock "russian" and "english" analyzers live), and that module is
 * not published to Maven Central. Lucene's analyzers are in the server's lib/ folder, so
 * this module only names them for index mappings.
 */
public class FraudwatchAnalysisPlugin extends Plugin implements AnalysisPlugin {

    private static final class Provider<T extends Analyzer> extends AbstractIndexAnalyzerProvider<T> {
        private final T analyzer;

        Provider(String name, T analyzer) {
            super(name, org.elasticsearch.common.settings.Settings.EMPTY);
            this.analyzer = analyzer;
        }

        @Override
        public T get() {
            return analyzer;
        }
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "fw_russian", (indexSettings, env, name, settings) -> new Provider<>(name, new RussianAnalyzer()),
            "fw_english", (indexSettings, env, name, settings) -> new Provider<>(name, new EnglishAnalyzer())
        );
    }
}
