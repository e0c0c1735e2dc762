"""The gcm: ontology terms as a closed namespace: a typo fails where it is used.

Generated from ontology/gcm.ttl by ``python -m gcmkg.graph.core.vocabgen > graph/core/vocab.py``; do not edit.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GCM(DefinedNamespace):
    """Terms of the gcmkg ontology, https://w3id.org/gcmkg/ontology#."""

    _NS = Namespace("https://w3id.org/gcmkg/ontology#")
    _fail = True

    # Classes
    AcademicInstitution: URIRef  # academic institution
    Campaign: URIRef  # campaign
    Citation: URIRef  # citation
    CivilSocietyOrganisation: URIRef  # civil society organisation
    ClassificationMethod: URIRef  # classification method
    Document: URIRef  # document
    EmployersOrganisation: URIRef  # employers' organisation
    Footnote: URIRef  # footnote
    Fund: URIRef  # fund
    GovernmentBody: URIRef  # government body
    GuidingPrinciple: URIRef  # GCM guiding principle
    Initiative: URIRef  # initiative
    InitiativeStatus: URIRef  # initiative status
    IntergovernmentalOrganisation: URIRef  # intergovernmental organisation
    JointProgramme: URIRef  # joint programme
    LocalAuthority: URIRef  # local authority
    Mention: URIRef  # mention
    NationalHumanRightsInstitution: URIRef  # national human rights institution
    NationalPlan: URIRef  # national plan
    Objective: URIRef  # GCM objective
    ObjectiveClassification: URIRef  # objective classification
    Organisation: URIRef  # organisation
    Participation: URIRef  # participation
    Partnership: URIRef  # partnership
    Passage: URIRef  # passage
    Person: URIRef  # person
    Platform: URIRef  # platform
    PrivateSectorOrganisation: URIRef  # private sector organisation
    Process: URIRef  # inter-State process
    Project: URIRef  # project
    Publication: URIRef  # publication
    RedCrossRedCrescentOrganisation: URIRef  # Red Cross or Red Crescent organisation
    Region: URIRef  # region
    Review: URIRef  # review
    ReviewSegment: URIRef  # review segment
    Role: URIRef  # participation role
    Section: URIRef  # section
    Session: URIRef  # session
    State: URIRef  # State
    Statistic: URIRef  # statistic
    TradeUnion: URIRef  # trade union
    UNEntity: URIRef  # UN entity

    # Object properties
    aboutObjective: URIRef  # about objective
    aboutPrinciple: URIRef  # about principle
    aboutReview: URIRef  # about review
    aboutSession: URIRef  # about session
    addressedInSession: URIRef  # addressed in session
    addressesObjective: URIRef  # addresses objective
    affiliation: URIRef  # affiliation
    agent: URIRef  # agent
    assignedObjective: URIRef  # assigned objective
    attendee: URIRef  # attendee
    citationFootnote: URIRef  # citation footnote
    citingPassage: URIRef  # citing passage
    classificationOf: URIRef  # classification of
    classifiedObjective: URIRef  # classified under objective
    contributesToObjective: URIRef  # contributes to objective
    contributionTo: URIRef  # contribution to
    discussedIn: URIRef  # discussed in
    documents: URIRef  # documents
    engagedThroughClassification: URIRef  # engaged through a classified mention with objective
    engagedThroughMention: URIRef  # engaged through a mention with objective
    engagedThroughSession: URIRef  # engaged through a session with objective
    engagedWithObjective: URIRef  # engaged with objective
    fundedBy: URIRef  # funded by
    funds: URIRef  # funds
    hasFootnote: URIRef  # has footnote
    hasParticipation: URIRef  # has participation
    hasParticipationAsAgent: URIRef  # has participation as agent
    hasPassage: URIRef  # has passage
    hasSegment: URIRef  # has segment
    hasSession: URIRef  # has session
    implementedBy: URIRef  # implemented by
    implementedIn: URIRef  # implemented in
    inDocument: URIRef  # in document
    inSection: URIRef  # in section
    inSegment: URIRef  # in segment
    inSession: URIRef  # in session
    memberState: URIRef  # member State
    mentionIn: URIRef  # mention in
    mentionOf: URIRef  # mention of
    mentionedIn: URIRef  # mentioned in
    mentions: URIRef  # mentions
    onBehalfOf: URIRef  # on behalf of
    partOfProcess: URIRef  # part of process
    partOfReview: URIRef  # part of review
    passageOf: URIRef  # passage of
    regionOf: URIRef  # region of
    role: URIRef  # role
    segmentOf: URIRef  # segment of
    statedIn: URIRef  # stated in
    statisticAbout: URIRef  # statistic about
    status: URIRef  # status
    via: URIRef  # via

    # Datatype properties
    acronym: URIRef  # acronym
    alpha2: URIRef  # ISO 3166-1 alpha-2 code
    alpha3: URIRef  # ISO 3166-1 alpha-3 code
    classificationScope: URIRef  # classification scope
    demonym: URIRef  # demonym
    documentKind: URIRef  # document kind
    eceMember: URIRef  # ECE member
    endDate: URIRef  # end date
    endOffset: URIRef  # end offset
    footnoteLabel: URIRef  # footnote label
    footnoteNumber: URIRef  # footnote number
    forum: URIRef  # forum
    heading: URIRef  # heading
    maximumValue: URIRef  # maximum value
    measures: URIRef  # measures
    numericCode: URIRef  # ISO 3166-1 numeric code
    objectiveNumber: URIRef  # objective number
    passageNumber: URIRef  # passage number
    periodEnd: URIRef  # period end
    periodStart: URIRef  # period start
    placeName: URIRef  # place name
    principleOrder: URIRef  # principle order
    referenceYear: URIRef  # reference year
    reviewCycle: URIRef  # review cycle
    reviewYear: URIRef  # review year
    score: URIRef  # score
    sectionNumber: URIRef  # section number
    segmentKind: URIRef  # segment kind
    sessionNumber: URIRef  # session number
    sha256: URIRef  # SHA-256 checksum
    startDate: URIRef  # start date
    startOffset: URIRef  # start offset
    statisticKind: URIRef  # statistic kind
    surfaceForm: URIRef  # surface form
    text: URIRef  # text
    unMembership: URIRef  # UN membership
    unit: URIRef  # unit
    url: URIRef  # URL
    value: URIRef  # value
