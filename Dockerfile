# One image per service, built from the repository root:
#   docker build --build-arg SERVICE=crawler -t policywatch-crawler .
# SERVICE is crawler, diff-service, notifier or web (docker-compose.yml and docker-compose.cluster.yml
# pass it). The image runs that module's -Pdist jar as an unprivileged user, data in /var/lib/policywatch.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN case "${SERVICE}" in crawler|diff-service|notifier|web) ;; \
      *) echo "--build-arg SERVICE=crawler|diff-service|notifier|web is required, was '${SERVICE}'" >&2; exit 1 ;; esac \
    && ./mvnw -B -q -Pdist -pl "${SERVICE}" -am package -DskipTests \
    && cp "${SERVICE}/target/${SERVICE}.jar" /src/service.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/policywatch policywatch && mkdir -p /var/lib/policywatch \
    && chown policywatch /var/lib/policywatch
COPY --from=build /src/service.jar /opt/policywatch/service.jar
USER policywatch
WORKDIR /var/lib/policywatch
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/policywatch/service.jar"]
