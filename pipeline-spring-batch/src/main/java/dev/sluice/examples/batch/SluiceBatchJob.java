package dev.sluice.examples.batch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A Spring Batch job with one step that runs a Sluice pipeline's embedded aggregate
 * ({@link SluiceStageTasklet}), with its job repository in an H2 file: run it again after a crash and
 * it restarts the step from the position its ExecutionContext holds.
 * Usage: {@code SluiceBatchJob RUN_DIR STAGE H2_FILE [SLICE_MS]}; exit 0 when the job completed.
 */
public final class SluiceBatchJob {
    static final String JOB = "sluice-embedded-aggregate";

    private SluiceBatchJob() {
    }

    public static void main(String[] args) throws Exception {
        Path runDirectory = Path.of(args[0]).toAbsolutePath();
        String stage = args[1];
        long slice = args.length > 3 ? Long.parseLong(args[3]) : 500;

        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + Path.of(args[2]).toAbsolutePath());
        createSchemaIfMissing(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JobRepositoryFactoryBean repositoryFactory = new JobRepositoryFactoryBean();
        repositoryFactory.setDataSource(dataSource);
        repositoryFactory.setTransactionManager(transactions);
        repositoryFactory.afterPropertiesSet();
        JobRepository repository = repositoryFactory.getObject();
        JobExplorerFactoryBean explorerFactory = new JobExplorerFactoryBean();
        explorerFactory.setDataSource(dataSource);
        explorerFactory.setTransactionManager(transactions);
        explorerFactory.afterPropertiesSet();
        failExecutionsOfADeadJvm(explorerFactory.getObject(), repository);

        Job job = new JobBuilder(JOB, repository)
                .start(new StepBuilder("run-" + stage, repository)
                        .tasklet(new SluiceStageTasklet(runDirectory, stage, slice), transactions).build())
                .build();
        TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();
        JobParameters parameters = new JobParametersBuilder().addString("run.dir", runDirectory.toString())
                .addString("stage", stage).toJobParameters();
        JobExecution execution = launcher.run(job, parameters);
        System.out.println("job " + execution.getStatus());
        System.exit(execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1);
    }

    private static void createSchemaIfMissing(DataSource dataSource) {
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
                new ClassPathResource("org/springframework/batch/core/schema-h2.sql"));
        schema.setContinueOnError(true); // the tables exist from an earlier run
        schema.execute(dataSource);
    }

    /** A job whose JVM was killed is left STARTED; mark it FAILED so that running it again restarts it. */
    private static void failExecutionsOfADeadJvm(JobExplorer explorer, JobRepository repository) {
        for (JobExecution execution : explorer.findRunningJobExecutions(JOB)) {
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : execution.getStepExecutions()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                step.setEndTime(now);
                repository.update(step);
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED);
            execution.setEndTime(now);
            repository.update(execution);
            System.out.println("marked the execution of a killed job FAILED, so this run restarts it");
        }
    }
}
